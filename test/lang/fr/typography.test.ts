import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as module from '../../../src/lang/fr/typography.js';
import {
  findTypographyIssues,
  fixCapitalPreposition,
  fixTypography,
} from '../../../src/lang/fr/typography.js';

// In the tables: ⍽ is U+00A0 (espace insécable), · is U+202F (espace fine insécable).
const NBSP = '\u00A0';
const NNBSP = '\u202F';
const visible = (text: string) => text.replaceAll(NBSP, '⍽').replaceAll(NNBSP, '·');
const real = (text: string) => text.replaceAll('⍽', NBSP).replaceAll('·', NNBSP);

test('public API', () => {
  expect(Object.keys(module).sort()).toEqual([
    'NARROW_NO_BREAK_SPACE',
    'NO_BREAK_SPACE',
    'findTypographyIssues',
    'fixCapitalPreposition',
    'fixTypography',
  ]);
});

describe('fixTypography', () => {
  test.each([
    // High punctuation: missing space, plain space, several spaces.
    ['Note: il pleut.', 'Note⍽: il pleut.'],
    ['Note : il pleut.', 'Note⍽: il pleut.'],
    ['Note   : il pleut.', 'Note⍽: il pleut.'],
    ['Il pleut; il vente.', 'Il pleut·; il vente.'],
    ['Il pleut ; il vente.', 'Il pleut·; il vente.'],
    ['Quelle surprise!', 'Quelle surprise·!'],
    ['Quelle surprise !', 'Quelle surprise·!'],
    ['Vraiment?', 'Vraiment·?'],
    ['Vraiment ?', 'Vraiment·?'],
    // One space before a group of signs, none inside.
    ['Vraiment?!', 'Vraiment·?!'],
    ['Vraiment ?!', 'Vraiment·?!'],
    ['Non !!!', 'Non·!!!'],
    // Already right, with either no-break space.
    ['Note⍽: il pleut.', 'Note⍽: il pleut.'],
    ['Note·: il pleut.', 'Note·: il pleut.'],
    ['Il pleut⍽; il vente⍽! Vraiment⍽?', 'Il pleut⍽; il vente⍽! Vraiment⍽?'],
    // Guillemets.
    ['«Bonjour»', '«⍽Bonjour⍽»'],
    ['« Bonjour »', '«⍽Bonjour⍽»'],
    ['«  Bonjour  »', '«⍽Bonjour⍽»'],
    ['«·Bonjour·»', '«·Bonjour·»'],
    ['« »', '«⍽»'],
    ['Il a dit « Bonjour ! » puis est parti.', 'Il a dit «⍽Bonjour·!⍽» puis est parti.'],
    // Straight double quotes become guillemets.
    ['Il a dit "Bonjour" hier.', 'Il a dit «⍽Bonjour⍽» hier.'],
    ['Il a dit " Bonjour " hier.', 'Il a dit «⍽Bonjour⍽» hier.'],
    ['Il a dit:"Bonjour!"', 'Il a dit⍽:«⍽Bonjour·!⍽»'],
    ['Les mots "talent" et "salaire".', 'Les mots «⍽talent⍽» et «⍽salaire⍽».'],
    // Apostrophes between letters.
    ["L'IA n'est pas qu'une mode.", 'L’IA n’est pas qu’une mode.'],
    ["Aujourd'hui, O'Donnell l'a dit.", 'Aujourd’hui, O’Donnell l’a dit.'],
    // Searched from each apostrophe: a letter outside the BMP before it, emphasis or a link after it.
    [
      "𝐋'𝐈𝐀 et l'*essentiel* d'[Eleventy](https://11ty.dev)",
      '𝐋’𝐈𝐀 et l’*essentiel* d’[Eleventy](https://11ty.dev)',
    ],
    ["'Bonjour' et 3'4 et l' IA", "'Bonjour' et 3'4 et l' IA"],
    // Units after a run of digits, signs glued or not; a period doubled after digits.
    ['Il court 12 km en 1234 min, soit 45% de plus.', 'Il court 12·km en 1234·min, soit 45·% de plus.'],
    ['Version 2. . Puis 3.. enfin', 'Version 2. Puis 3.. enfin'],
    // Double spaces.
    ['Deux  espaces et   trois.', 'Deux espaces et trois.'],
    ['Fin.  Début.', 'Fin. Début.'],
    // Before a tag or an entity, the sign still takes its space.
    ['<p>Bonjour !</p>', '<p>Bonjour·!</p>'],
    ['<b>Note:</b> texte', '<b>Note⍽:</b> texte'],
    // A link destination and its title are Markdown syntax.
    ['[lien](https://x.fr/a_(b) "titre : ici") et fin:', '[lien](https://x.fr/a_(b) "titre : ici") et fin⍽:'],
    ['[lien : ici](/a?b=1 "t") ?', '[lien⍽: ici](/a?b=1 "t")·?'],
    // Punctuation after a URL is the sentence's.
    ['Allez sur https://exemple.fr/?q=1!', 'Allez sur https://exemple.fr/?q=1·!'],
    // Numbers and units: narrow no-break spaces, glued signs get theirs.
    ['Il gagne 100 000 dollars et 4 % de plus.', 'Il gagne 100·000 dollars et 4·% de plus.'],
    ['1 000 € pour 3 km à 22 h, 5% de 1 000,5 m', '1·000·€ pour 3·km à 22·h, 5·% de 1·000,5·m'],
    // Curly English quotes, spaced ellipses and a doubled period.
    ['Un “beau” jour. . . et puis... fin. PyTorch. .', 'Un «⍽beau⍽» jour… et puis… fin. PyTorch.'],
    // An apostrophe before a link or emphasis is still an elision.
    [
      "Le site d'[Eleventy](https://11ty.dev) et l'*essentiel*",
      'Le site d’[Eleventy](https://11ty.dev) et l’*essentiel*',
    ],
    // No space before a comma or a period, whatever the space and after whatever closes a word.
    ['Il est déjà , depuis hier , parti .', 'Il est déjà, depuis hier, parti.'],
    ['Un « mot » , un **gras** , un `code` . Fin', 'Un «⍽mot⍽», un **gras**, un `code`. Fin'],
    ['Le lien [ici](https://x.fr) ,\npuis 3 .', 'Le lien [ici](https://x.fr),\npuis 3.'],
    ['Il hésite ... puis . . . rien.', 'Il hésite … puis … rien.'],
    // The preposition keeps its accent on a capital; the letter, a grade or a name keep theirs.
    [
      'A ce stade. Fin. A partir de demain, « A la une ».',
      'À ce stade. Fin. À partir de demain, «⍽À la une⍽».',
    ],
    // A capital keeps its accent on the common words of the audit's list; names, acronyms and words that
    // exist bare keep theirs; paths and code are not prose.
    [
      'Evaluer la force. Comment l’Etat agit. Ca marche. Etes-vous prêts ? Les Etats-Unis.',
      'Évaluer la force. Comment l’État agit. Ça marche. Êtes-vous prêts·? Les États-Unis.',
    ],
    [
      'Eric et Emile. Elle part. Enfin. ETAT CIVIL. Eleventy.',
      'Eric et Emile. Elle part. Enfin. ETAT CIVIL. Eleventy.',
    ],
    [
      'Voir `Ecole` et Ecole.html ou https://x.fr/Ecran.',
      'Voir `Ecole` et Ecole.html ou https://x.fr/Ecran.',
    ],
    // Several rules at once.
    ["Il a dit : l'IA  change tout !", 'Il a dit⍽: l’IA change tout·!'],
  ])('%s', (input, expected) => {
    expect(visible(fixTypography(real(input)))).toBe(expected);
  });

  test.each([
    // URLs, e-mail addresses.
    'Voir https://exemple.fr/page?id=1&x=2#ancre ou http://a.b/c:d.',
    'Voir www.exemple.fr/page?q=1 pour en savoir plus.',
    'Écrire à jean.dupont@exemple.fr ou <contact@exemple.fr>.',
    'Voir [le site](https://exemple.fr/a?b=c "Le titre") et [ici](/chemin?x=1).',
    '[ref]: https://exemple.fr/page',
    // Times, ratios, IPv6, emoticons, C++ and C#.
    'Rendez-vous à 12:30, format 16:9, ratio 3:2.',
    "L'adresse fe80::1 et ::1 sont locales.".replace("'", '’'),
    'Super :) et :-( et ;-) et :D',
    'Le C++ et le C# sont des langages.',
    // Code.
    'Tapez `a : b ; c !` puis ``x "y" z``.',
    '```\nconst a = "b" ; // c : d !\n```',
    '<code>a : b</code> et <pre>x ; y</pre>',
    // HTML tags and entities.
    '<a href="https://exemple.fr" title="a : b">lien</a>',
    'Bonjour&nbsp;! Et&#160;: ça&nbsp;?',
    // Identifiers glued to digits are names, not units; a phone number is not grouped by thousands.
    'Le codec h264, la 4G, un écran 1080p, le 06 12 34 56 78.',
    'Version 1.2.3 et www.exemple.fr/a...b',
    // Markdown layout.
    'Ligne avec retour  \nsuivante',
    '    code indenté',
    '| a  | b  |\n|:---|---:|',
    '---\ntitle: Mon titre\nslug: mon-titre\n---\nTexte.',
    'Voir ![image](photo.png) et [!NOTE].',
    // A period or comma that starts a name or a number, an ellipsis, a list or a table cell.
    'Le framework .NET, les fichiers .md et 3 ,5 ou 0 .5 en notation anglaise.',
    '| a | , |\n  , suite',
    'A est une lettre, le plan A tient. A mon avis est ici cité.'.replace('. A mon', ', A mon'),
    // Not quotations: inches, an odd number of quotes.
    'Un écran de 27" et un de 32".',
    'Il a dit "bonjour et il est parti.',
  ])('leaves alone: %s', (input) => {
    expect(fixTypography(input)).toBe(input);
    expect(findTypographyIssues(input)).toEqual([]);
  });
});

describe('findTypographyIssues', () => {
  test('reports kind, range, found and expected', () => {
    const text = "Note: l'IA  « change » tout !";
    expect(findTypographyIssues(text)).toEqual([
      { kind: 'space-before-colon', start: 4, end: 5, found: ':', expected: `${NBSP}:` },
      { kind: 'straight-apostrophe', start: 7, end: 8, found: "'", expected: '’' },
      { kind: 'double-space', start: 10, end: 12, found: '  ', expected: ' ' },
      { kind: 'space-inside-guillemets', start: 12, end: 14, found: '« ', expected: `«${NBSP}` },
      { kind: 'space-inside-guillemets', start: 20, end: 22, found: ' »', expected: `${NBSP}»` },
      { kind: 'space-before-exclamation', start: 27, end: 29, found: ' !', expected: `${NNBSP}!` },
    ]);
  });

  test.each([
    ['a;', 'space-before-semicolon'],
    ['a?', 'space-before-question'],
    ['a!', 'space-before-exclamation'],
    ['a ?!', 'space-before-question'],
    ['a !?', 'space-before-exclamation'],
    ['"mot"', 'straight-quotes'],
  ])('%s -> %s', (text, kind) => {
    expect(findTypographyIssues(text)[0]?.kind).toBe(kind);
  });

  test('the spaces before a sign are one issue, not also a double space', () => {
    expect(findTypographyIssues('mot   :').map((issue) => issue.kind)).toEqual(['space-before-colon']);
  });
});

// Varied inputs for the two properties: fix is idempotent, and leaves nothing to find.
const PROPERTY_INPUTS = [
  'Note: il pleut; il vente! Vraiment?',
  'Note : il pleut ; il vente ! Vraiment ?',
  'Vraiment ?!  Oui !!! Non ?? Peut-être ?!?',
  '«Bonjour»  et « au revoir » et «  »',
  '«\nBonjour\n»',
  'Il a dit:"Bonjour!" puis "Au revoir ?"',
  '" mot " et "mot"',
  'Un écran de 27" et un de 32".',
  "L'IA d'aujourd'hui n'est qu'un début.",
  "C'est l''apostrophe double et l'« IA ».",
  'Voir https://exemple.fr/a?b=1 ! Ou www.exemple.fr: ici.',
  'Écrire à a.b@c.fr : merci ! Ou à <d@e.fr>?',
  'Rendez-vous à 12:30 : ratio 3:2 ; format 16:9 !',
  'IPv6 fe80:: et ::1 et 2001:db8::ff00:42:8329 : fin.',
  'Super :) ou :-( ou ;-) ou :D : fin.',
  'Le C++ ? Le C# ! Le F#: bien.',
  'Code `a : b` : et ``c ; d`` ; fin !',
  '```js\nconst a = "b"; // c : d !\n```\nAprès : fin !',
  '~~~\nx ; y\n~~~\nPuis ; fin',
  '<p>Bonjour : <code>a : b</code> !</p>',
  '<a href="https://x.fr?a=1">lien</a>: <!-- a : b --> fin!',
  'Bonjour&nbsp;! Et&#160;: ça&nbsp;? Fin &amp; suite ;',
  'Il gagne 100 000 dollars et 4 % de plus !',
  '100  000 dollars  !',
  'Ligne  \nsuivante  \n  indentée  : oui',
  '| a : b  | c ! |\n|:---|---:|\n| 1  | 2 ? |',
  '---\ntitle: Mon titre\n---\nTexte : suite !',
  '[lien](https://x.fr/a_(b) "titre : ici") et [ref]: https://y.fr',
  '**Note:** texte et _vraiment?_ oui',
  '(?) et [!NOTE] et ![image](a.png) et a != b',
  'Fin\u00A0 : et « \u00A0mot\u00A0 » et mot \u202F!',
  'Tab\t: et tab\t!',
  'Quoi ? ! Et « Quoi ? » et (quoi ?) et [quoi ?]',
  '« « imbriqués » »',
  'Windows C:\\Users et std::vector<int> et a := b',
  ': en début de ligne\n; aussi\n! et ?',
  '',
  '   ',
];

describe('properties', () => {
  test.each(PROPERTY_INPUTS.map((input) => [visible(input), input]))(
    'fix is idempotent: %s',
    (_label, input) => {
      const fixed = fixTypography(input);
      expect(visible(fixTypography(fixed))).toBe(visible(fixed));
    },
  );

  test.each(PROPERTY_INPUTS.map((input) => [visible(input), input]))(
    'nothing left after fix: %s',
    (_label, input) => {
      expect(findTypographyIssues(fixTypography(input))).toEqual([]);
    },
  );

  test.each(PROPERTY_INPUTS.map((input) => [visible(input), input]))(
    'issues are ordered, disjoint, exact: %s',
    (_label, input) => {
      let lastEnd = 0;
      for (const issue of findTypographyIssues(input)) {
        expect(issue.start).toBeGreaterThanOrEqual(lastEnd);
        expect(issue.end).toBeGreaterThan(issue.start);
        expect(input.slice(issue.start, issue.end)).toBe(issue.found);
        expect(issue.expected).not.toBe(issue.found);
        lastEnd = issue.end;
      }
    },
  );

  test('protected text survives the fix unchanged', () => {
    const protectedParts = [
      'https://exemple.fr/a?b=1',
      'a.b@c.fr',
      '`a : b`',
      '<code>a : b</code>',
      '12:30',
      'std::vector<int>',
    ];
    const fixed = fixTypography(PROPERTY_INPUTS.join('\n'));
    for (const part of protectedParts) expect(fixed).toContain(part);
  });

  // Speed is measured by `npm run bench`, never asserted here (a loaded machine would fail it).
  test('the fixture article has no issue left after fix', () => {
    const article = readFileSync(new URL('../../../examples/talents-ia.txt', import.meta.url), 'utf8');
    const fixed = fixTypography(article);
    expect(findTypographyIssues(fixed)).toEqual([]);
    expect(fixTypography(fixed)).toBe(fixed);
  });
});

describe('fixCapitalPreposition', () => {
  const cases: [string, string][] = [
    ['A ce stade, rien n’est joué.', 'À ce stade, rien n’est joué.'],
    ['Il hésite. A partir de lundi, tout change.', 'Il hésite. À partir de lundi, tout change.'],
    ['A l’heure actuelle, non.', 'À l’heure actuelle, non.'],
    ['« A quoi bon ? »', '« À quoi bon ? »'],
    ['Fin.\nA mon avis, oui.', 'Fin.\nÀ mon avis, oui.'],
    ['«A quoi bon ? »', '«À quoi bon ? »'],
    ['L’IA progresse. A terme, tout change.', 'L’IA progresse. À terme, tout change.'],
    ['Fin.\n\u00a0A mon avis, oui.', 'Fin.\n\u00a0À mon avis, oui.'],
    // « A » as a letter, a grade, a name or a vitamin: unchanged.
    ['A est le point de départ.', 'A est le point de départ.'],
    ['Le plan A ce matin a échoué.', 'Le plan A ce matin a échoué.'],
    ['Il a obtenu un A la semaine dernière.', 'Il a obtenu un A la semaine dernière.'],
    ['A+ pour la note.', 'A+ pour la note.'],
    ['La vitamine A. Elle protège.', 'La vitamine A. Elle protège.'],
    ['Voir https://example.com/A ce lien.', 'Voir https://example.com/A ce lien.'],
  ];
  test.each(cases)('%s', (input, expected) => {
    expect(fixCapitalPreposition(input)).toBe(expected);
    expect(fixCapitalPreposition(expected)).toBe(expected);
  });
});
