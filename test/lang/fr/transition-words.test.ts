import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { normalizeWord } from '../../../src/lang/fr/normalize-word.js';
import { tokenizeWords } from '../../../src/lang/fr/tokenize-words.js';
import * as module from '../../../src/lang/fr/transition-words.js';
import {
  entryWords,
  findTransitionWords,
  findTransitionWordsInWords,
  NOT_TRANSITIONS,
  SENTENCE_START_TRANSITION_WORDS,
  TRANSITION_WORDS,
  TWO_PART_TRANSITION_WORDS,
} from '../../../src/lang/fr/transition-words.js';

const singles = Object.entries(TRANSITION_WORDS).flatMap(([category, entries]) =>
  entries.map((entry) => ({ category, entry: entry as string })),
);

/** The matches as `[surface text, phrase, category]`, easier to read in a table. */
function found(sentence: string): [string, string, string][] {
  return findTransitionWords(sentence).map((match) => [
    sentence.slice(match.start, match.end),
    match.phrase,
    match.category,
  ]);
}

test('the sentence-start words are not also listed as transitions anywhere', () => {
  for (const word of Object.keys(SENTENCE_START_TRANSITION_WORDS))
    expect(singles.map(({ entry }) => entry)).not.toContain(word);
});

test('public API', () => {
  expect(Object.keys(module).sort()).toEqual([
    'NOT_TRANSITIONS',
    'SENTENCE_START_TRANSITION_WORDS',
    'TRANSITION_WORDS',
    'TWO_PART_TRANSITION_WORDS',
    'clearTransitionWordMemo',
    'entryWords',
    'findTransitionWords',
    'findTransitionWordsInWords',
  ]);
});

describe('data', () => {
  test('entryWords cuts every entry as tokenizeWords and normalizeWord do', () => {
    const entries = [
      ...singles.map(({ entry }) => entry),
      ...NOT_TRANSITIONS,
      ...TWO_PART_TRANSITION_WORDS.flatMap((pair) => [pair.first, pair.second]),
      // Shapes the lists may gain: several elisions, a hyphen, an elision ending the entry.
      "jusqu'à ce qu'",
      "c'est-à-dire",
      "lors d'un",
    ];
    for (const entry of entries) {
      expect(entryWords(entry), entry).toEqual(
        tokenizeWords(entry).map((token) => normalizeWord(token.text)),
      );
    }
  });

  test('has at least 200 entries, single and two-part', () => {
    expect(singles.length + TWO_PART_TRANSITION_WORDS.length).toBeGreaterThanOrEqual(200);
    expect(singles.length).toBeGreaterThanOrEqual(200);
  });

  test('covers every category of the brief', () => {
    expect(Object.keys(TRANSITION_WORDS)).toEqual(
      expect.arrayContaining([
        'addition',
        'opposition',
        'cause',
        'consequence',
        'illustration',
        'clarification',
        'comparison',
        'time',
        'condition',
        'conclusion',
        'emphasis',
      ]),
    );
  });

  test('entries are lowercase, trimmed, single-spaced, with a straight apostrophe', () => {
    for (const { entry } of [...singles, ...NOT_TRANSITIONS.map((entry) => ({ entry }))]) {
      expect(entry, entry).toBe(entry.toLowerCase());
      expect(entry, entry).toBe(entry.trim());
      expect(entry, entry).not.toMatch(/\s{2}|’/);
    }
  });

  test('no entry is listed twice, in one category or across categories', () => {
    const entries = singles.map(({ entry }) => entry);
    const duplicates = entries.filter((entry, index) => entries.indexOf(entry) !== index);
    expect(duplicates).toEqual([]);
  });

  test('the ambiguous words are left out', () => {
    const entries = new Set(singles.map(({ entry }) => entry));
    for (const word of [
      'or',
      'et',
      'ou',
      'comme',
      'si',
      'soit',
      'même',
      'encore',
      'seulement',
      'bref',
      'selon',
    ]) {
      expect(entries.has(word), word).toBe(false);
    }
  });

  test('every two-part transition names a known category', () => {
    for (const pair of TWO_PART_TRANSITION_WORDS)
      expect(Object.keys(TRANSITION_WORDS)).toContain(pair.category);
  });
});

describe('findTransitionWords', () => {
  test('finds every single entry inside a sentence, as itself', () => {
    for (const { category, entry } of singles) {
      const sentence = `Zzz ${entry} zzz.`;
      expect(findTransitionWords(sentence), entry).toEqual([
        { phrase: entry, category, start: 4, end: 4 + entry.length },
      ]);
    }
  });

  test('finds every single entry at the start of a sentence, capitalized, with a typographic apostrophe', () => {
    for (const { category, entry } of singles) {
      const written = (entry.charAt(0).toUpperCase() + entry.slice(1)).replaceAll("'", '’');
      expect(found(`${written}, zzz.`), entry).toEqual([[written, entry, category]]);
    }
  });

  test.each([
    // Contractions and elisions of the last word.
    ['Grâce aux efforts de tous, le projet avance.', [['Grâce aux', 'grâce à', 'cause']]],
    ['À cause du bruit, personne ne dort.', [['À cause du', 'à cause de', 'cause']]],
    ['A cause des grèves, les trains sont en retard.', [['A cause des', 'à cause de', 'cause']]],
    ['Il reste parce qu’il aime son travail.', [['parce qu’', 'parce que', 'cause']]],
    ["Lorsqu'il pleut, on reste.", [["Lorsqu'", 'lorsque', 'time']]],
    ['Même s’il pleut, nous sortirons.', [['Même s’', 'même si', 'opposition']]],
    ['En raison d’une panne, le site est fermé.', [['En raison d’', 'en raison de', 'cause']]],
    ['Contrairement aux idées reçues, ça marche.', [['Contrairement aux', 'contrairement à', 'opposition']]],
    // Longest entry wins.
    ['En effet, les salaires montent.', [['En effet', 'en effet', 'cause']]],
    ['C’est-à-dire que tout change.', [['C’est-à-dire', "c'est-à-dire", 'clarification']]],
    ['Il a réussi, en dépit de cela.', [['en dépit de cela', 'en dépit de cela', 'opposition']]],
    ['De plus, les startups peinent.', [['De plus', 'de plus', 'addition']]],
    ['Tout d’abord, il faut recruter.', [['Tout d’abord', "tout d'abord", 'time']]],
    ['Il reste, alors que tout le monde part.', [['alors que', 'alors que', 'opposition']]],
    // Several in one sentence, in text order.
    [
      'Cependant, il a recruté ; par conséquent, les coûts montent.',
      [
        ['Cependant', 'cependant', 'opposition'],
        ['par conséquent', 'par conséquent', 'consequence'],
      ],
    ],
    // Whole words only, case-insensitive.
    ['La maison puissante cartonne ainsiste.', []],
    ['EN EFFET, TOUT VA BIEN.', [['EN EFFET', 'en effet', 'cause']]],
    // Phrases that contain a transition but are not one.
    ['Les salaires sont de plus en plus élevés.', []],
    ['Il en fait partie depuis longtemps.', []],
    ['Elle a reçu un appel au fond du couloir.', []],
    ['Il prépare la suite du coup d’État.', []],
    ['Big Tech est à l’origine de cette pénurie.', []],
    // A phrase does not run through punctuation.
    ['Du coup, de nombreux candidats hésitent.', [['Du coup', 'du coup', 'consequence']]],
    ['Au fond, de nombreux candidats hésitent.', [['Au fond', 'au fond', 'clarification']]],
    // Ambiguous words are not counted.
    ['Le prix de l’or monte et les talents comme Meta recrutent.', []],
    ['Il est si difficile de recruter qu’il soit content.', []],
    ['Un bref aperçu suffit.', []],
    ['Les plus grandes entreprises offrent plus d’argent.', []],
    // False positives found on the corpus, beside Yoast SEO's counts (issue 12).
    ['Les salariés âgés de plus de 65 ans partent.', []],
    ['Une entreprise de plus d’un millier de salariés.', []],
    ['Il a été recruté en tant que directeur.', []],
    ['Je ne puis accepter cette offre.', []],
    ['C’est particulièrement évident pour nous.', []],
    ['Ce filtre est principalement utilisé avec des dates.', []],
    ['Le modèle est essentiellement statistique.', []],
    ['Le prix de l’or monte.', []],
    // « Or » opens a sentence as the conjunction; a sentence of one word is not one.
    ['Or, le budget manque.', [['Or', 'or', 'opposition']]],
    ['Or l’argent est perdu.', [['Or', 'or', 'opposition']]],
    ['Or.', []],
    // « Surtout » links only at the head of a sentence; inside one it is an adverb of degree, and Yoast
    // does not count it (test/corpus/fr-md-eleventy-sav-truffaut: 4 transition sentences for Plume, 3 for Yoast).
    ['Surtout, ne cliquez pas sur ce lien.', [['Surtout', 'surtout', 'emphasis']]],
    ['De quoi surtout me pousser à faire vite fait une vidéo.', []],
    ['Il pleut surtout le soir.', []],
    // Connectors that were missing.
    ['Tant que le budget manque, rien ne bouge.', [['Tant que', 'tant que', 'condition']]],
    ['En général, les startups paient moins.', [['En général', 'en général', 'conclusion']]],
    ['Pour cela, il faut recruter.', [['Pour cela', 'pour cela', 'consequence']]],
    // The canonical article.
    [
      'Mais les recruteurs affirment que les startups ont du mal à embaucher.',
      [['Mais', 'mais', 'opposition']],
    ],
  ])('%s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  test.each([
    [
      'D’une part, les salaires montent ; d’autre part, les talents manquent.',
      [
        ['D’une part', "d'une part … d'autre part", 'addition'],
        ['d’autre part', "d'une part … d'autre part", 'addition'],
      ],
    ],
    [
      'Non seulement il recrute, mais aussi il forme.',
      [
        ['Non seulement', 'non seulement … mais aussi', 'addition'],
        ['mais aussi', 'non seulement … mais aussi', 'addition'],
      ],
    ],
    [
      'D’un côté les géants paient, de l’autre les startups peinent.',
      [
        ['D’un côté', "d'un côté … de l'autre", 'opposition'],
        ['de l’autre', "d'un côté … de l'autre", 'opposition'],
      ],
    ],
    [
      'Il peut soit rester, soit partir.',
      [
        ['soit', 'soit … soit', 'addition'],
        ['soit', 'soit … soit', 'addition'],
      ],
    ],
    [
      'Ni les startups ni les PME ne suivent.',
      [
        ['Ni', 'ni … ni', 'addition'],
        ['ni', 'ni … ni', 'addition'],
      ],
    ],
    [
      'Tantôt il pleut, tantôt il vente.',
      [
        ['Tantôt', 'tantôt … tantôt', 'addition'],
        ['tantôt', 'tantôt … tantôt', 'addition'],
      ],
    ],
    [
      'Premièrement il faut payer, deuxièmement il faut former.',
      [
        ['Premièrement', 'premièrement … deuxièmement', 'time'],
        ['deuxièmement', 'premièrement … deuxièmement', 'time'],
      ],
    ],
    [
      'Plus on attend, plus c’est cher.',
      [
        ['Plus', 'plus … plus', 'comparison'],
        ['plus', 'plus … plus', 'comparison'],
      ],
    ],
    [
      'Certes le salaire compte, mais la mission aussi.',
      [
        ['Certes', 'certes … mais', 'opposition'],
        ['mais', 'certes … mais', 'opposition'],
        ['aussi', 'aussi', 'addition'],
      ],
    ],
    // The second part alone counts when it is a transition by itself; the first part alone does not.
    ['D’autre part, les talents manquent.', [['D’autre part', "d'autre part", 'addition']]],
    ['D’une part, les salaires montent.', []],
    ['Qu’il soit grand ou petit, peu importe.', []],
    ['Il n’a ni voiture.', []],
  ])('two parts: %s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  test('offsets point into the given sentence', () => {
    const sentence = '« En outre », dit-il, « les salaires montent ; toutefois, rien ne change ».';
    for (const match of findTransitionWords(sentence)) {
      expect(sentence.slice(match.start, match.end).toLowerCase().replaceAll('’', "'")).toBe(match.phrase);
    }
    expect(found(sentence).map(([text]) => text)).toEqual(['En outre', 'toutefois']);
  });

  test('empty and wordless sentences have no transition', () => {
    expect(findTransitionWords('')).toEqual([]);
    expect(findTransitionWords('… !')).toEqual([]);
  });

  // Speed is measured by `npm run bench`, never asserted here (a loaded machine would fail it).
  test('finds transitions in the example article', () => {
    const text = readFileSync(new URL('../../../examples/talents-ia.txt', import.meta.url), 'utf8');
    const sentences = text.split(/(?<=[.!?])\s+/);
    const count = sentences.reduce((total, sentence) => total + findTransitionWords(sentence).length, 0);
    expect(count).toBeGreaterThan(0);
  });
});

describe('findTransitionWordsInWords', () => {
  /** The sentence's words as the analysis holds them, shifted as if the sentence started at `offset`. */
  function wordsOf(sentence: string, offset: number) {
    return tokenizeWords(sentence).map((token) => ({
      text: token.text,
      normalized: normalizeWord(token.text),
      start: token.start + offset,
      end: token.end + offset,
    }));
  }

  test.each([
    'En outre, les salaires montent.',
    'D’une part, les salaires montent ; d’autre part, les talents manquent.',
    'A cause de la pénurie, les salaires montent.',
    'Du coup, de nombreux recruteurs cherchent ailleurs.',
    'Or, le budget manque.',
    '« En outre », dit-il, « les salaires montent ; toutefois, rien ne change ».',
    'Plus on recrute, plus on dépense.',
    '',
  ])('finds what findTransitionWords finds, at the words’ offsets: %s', (sentence) => {
    const offset = 1_000;
    const expected = findTransitionWords(sentence).map((match) => ({
      ...match,
      start: match.start + offset,
      end: match.end + offset,
    }));
    expect(findTransitionWordsInWords(sentence, wordsOf(sentence, offset), offset)).toEqual(expected);
  });

  test.each([
    ['En\u00a0outre, rien ne change.', ['en outre']],
    ['En\u202foutre, rien ne change.', ['en outre']],
    ['En\u2009outre, rien ne change.', ['en outre']],
    ['En-outre, rien ne change.', []],
  ])('a phrase runs through any white space, not other characters: %j', (sentence, expected) => {
    expect(
      findTransitionWordsInWords(sentence, wordsOf(sentence, 0), 0).map((match) => match.phrase),
    ).toEqual(expected);
  });

  test('reads only the words from `from` to `to` of a longer list, as the analysis passes them', () => {
    const before = 'Plus on recrute. ';
    const sentence = 'D’une part, les salaires montent ; d’autre part, les talents manquent.';
    const after = ' A cause de la pénurie, en outre, tout change.';
    const text = before + sentence + after;
    const all = wordsOf(text, 0);
    const from = wordsOf(before, 0).length;
    const to = from + wordsOf(sentence, 0).length;
    expect(findTransitionWordsInWords(sentence, all, before.length, from, to)).toEqual(
      findTransitionWordsInWords(sentence, all.slice(from, to), before.length),
    );
    expect(findTransitionWordsInWords(sentence, all, before.length, from, to).length).toBeGreaterThan(0);
  });

  test('a phrase does not run through punctuation between the words', () => {
    const sentence = 'Du coup, de nombreux recruteurs partent.';
    expect(
      findTransitionWordsInWords(sentence, wordsOf(sentence, 0), 0).map((match) => match.phrase),
    ).toEqual(['du coup']);
  });
});
