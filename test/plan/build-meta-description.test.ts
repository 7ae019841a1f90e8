import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { buildMetaDescription, shortenings } from '../../src/plan/build-meta-description.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const sentencesOf = (path: string) =>
  analyze(path.endsWith('.md') ? parseMarkdown(read(path)) : parseText(read(path))).sentences.map(
    (sentence) => sentence.text,
  );
const length = (text: string) => [...text].length;

const articles = [
  { path: 'examples/talents-ia.txt', keyphrase: 'talents en IA' },
  { path: 'test/golden/long-no-headings/input.txt', keyphrase: 'métro parisien' },
  { path: 'test/golden/short-article/input.txt', keyphrase: 'vélos en libre-service' },
  { path: 'test/golden/markdown-short-paragraphs/input.md', keyphrase: 'sommeil des adolescents' },
];

describe('buildMetaDescription', () => {
  it('the example: two sentences of the opening with the keyphrase, within the bounds', () => {
    expect(
      buildMetaDescription({ keyphrase: 'talents en IA', sentences: sentencesOf('examples/talents-ia.txt') }),
    ).toBe(
      'L’embauche de talents en IA est impitoyable. Il semble que les plus grands acteurs de l’industrie technologique soient en train de gagner en ce moment.',
    );
  });

  it.each([
    [
      'list items glued to a sentence',
      [
        'Taille limite des fichiers : 1 Go Durée de rétention : 7 jours Je crois qu’il n’y a pas photo, YouSendIt l’emporte haut la main !',
      ],
    ],
    [
      'a sentence announcing a list',
      [
        'Mon blocage principal pour cette migration était mon fork du plugin Jekyll Picture Tag, qui me permettait de tout faire :',
      ],
    ],
    [
      'a tweet with its addresses and handles',
      [
        'Wow, après mon tweet rageur ce WE (https://t.co/evL9he9fw1) @Truffaut a réagi et me remplace le minuteur du SAV de Truffaut.',
      ],
    ],
    [
      'markup printed as text',
      [
        'Le plugin Jekyll Picture Tag avait été mon choix faute de mieux, <picture> n’étant en général pas la bonne solution{hreflang="en"}.',
      ],
    ],
    [
      'a connector answering the sentence before',
      [
        'Par conséquent, si le bon sens est erroné de quelque façon, le cerveau en déduira de fausses conclusions qui lui sembleront justes.',
      ],
    ],
  ])('never %s', (_name, refused) => {
    const fine =
      'Les transferts de gros fichiers sont simples : vous déposez un fichier, le service envoie un lien à votre correspondant.';
    const description = buildMetaDescription({
      keyphrase: 'transferts de gros fichiers',
      sentences: [...refused, fine, 'Le service garde le fichier une semaine.'],
    });
    expect(description).not.toContain((refused[0] as string).slice(0, 30));
  });

  it.each(articles)(
    'complete sentences within 120–156 characters, never « … »: $path',
    ({ path, keyphrase }) => {
      const description = buildMetaDescription({ keyphrase, sentences: sentencesOf(path) });
      expect(description).not.toContain('…');
      expect(description).not.toContain('>');
      expect(description).toMatch(/^\p{Lu}/u);
      expect(description).toMatch(/[.!?»]$/u);
      expect(length(description)).toBeGreaterThanOrEqual(120);
      expect(length(description)).toBeLessThanOrEqual(156);
      expect(description).not.toMatch(/^(?:Il|Elle|Ils|Elles|Cela|Ce|Ces|Son|Sa|Ses|Leur|Leurs|Mais|Et)\s/u);
    },
  );

  it('the two best sentences when one is too short, keyphrase once', () => {
    const description = buildMetaDescription({
      keyphrase: 'métro parisien',
      sentences: [
        'Chaque jour ouvré, plus de quatre millions de voyageurs s’engouffrent dans les couloirs du métro parisien.',
        'Ils y passent en moyenne une demi-heure dans des rames bondées, sous une chaleur qui ne cesse de grimper.',
        'Paris a pourtant longtemps traîné les pieds.',
      ],
    });
    expect(description).toBe(
      'Chaque jour ouvré, plus de quatre millions de voyageurs s’engouffrent dans les couloirs du métro parisien. Paris a pourtant longtemps traîné les pieds.',
    );
  });

  it('over the maximum even shortened: cut between coordinated clauses, never inside a subordinate one', () => {
    const description = buildMetaDescription({
      keyphrase: 'talents en IA',
      sentences: [
        'Talents en IA : les entreprises se disputent des profils rares, les salaires montent et les petites structures cherchent leur place.',
      ],
      minLength: 120,
      maxLength: 130,
    });
    expect(description).toBe(
      'Talents en IA : les entreprises se disputent des profils rares, les salaires montent.',
    );
  });

  it('shortens a sentence at a clause boundary rather than cutting it at a word', () => {
    const description = buildMetaDescription({
      keyphrase: 'talents en IA',
      sentences: [
        'La lutte pour recruter les meilleurs talents en IA s’intensifie alors que les entreprises, grandes et petites, rivalisent dans la course pour créer les meilleurs produits dans ce secteur en plein essor.',
      ],
    });
    expect(description).toBe(
      'La lutte pour recruter les meilleurs talents en IA s’intensifie alors que les entreprises rivalisent dans la course pour créer les meilleurs produits dans ce secteur en plein essor.'
        .length <= 156
        ? 'La lutte pour recruter les meilleurs talents en IA s’intensifie alors que les entreprises rivalisent dans la course pour créer les meilleurs produits dans ce secteur en plein essor.'
        : 'La lutte pour recruter les meilleurs talents en IA s’intensifie.',
    );
    expect(description).not.toContain('…');
  });

  it('never opens on a pronoun with no antecedent, nor on a sentence cut inside a quotation', () => {
    const description = buildMetaDescription({
      keyphrase: 'santé publique',
      sentences: [
        'Ils se couchent tard, se lèvent difficilement et somnolent en classe, un vrai problème de santé publique selon les médecins.',
        '« On a longtemps considéré que les adolescents dormaient mal par manque de discipline, un problème de santé publique.',
        'Les médecins parlent d’un véritable problème de santé publique, que les parents prennent souvent pour de la paresse chez leurs enfants.',
      ],
    });
    expect(description).toBe(
      'Les médecins parlent d’un véritable problème de santé publique, que les parents prennent souvent pour de la paresse chez leurs enfants.',
    );
  });

  it('reads its bounds from the parameters (the audit config)', () => {
    const sentences = sentencesOf('examples/talents-ia.txt');
    const description = buildMetaDescription({
      keyphrase: 'talents en IA',
      sentences,
      minLength: 60,
      maxLength: 110,
    });
    expect(length(description)).toBeGreaterThanOrEqual(60);
    expect(length(description)).toBeLessThanOrEqual(110);
    expect(description).not.toContain('…');
  });

  it('strips list bullets and blockquote markers', () => {
    const description = buildMetaDescription({
      keyphrase: 'vélos en libre-service',
      sentences: [
        '> Dès le 2 septembre, les habitants de Valmont-sur-Loire pourront emprunter l’un des 450 vélos en libre-service répartis dans 38 stations.',
      ],
    });
    expect(description.startsWith('Dès')).toBe(true);
  });

  it('an empty lead gives the keyphrase, not a dangling « : »', () => {
    expect(buildMetaDescription({ keyphrase: 'métro parisien', sentences: [] })).toBe('Métro parisien');
  });
});

describe('shortenings', () => {
  it.each([
    [
      'Mustafa Suleyman, cofondateur de DeepMind, a quitté sa startup pour Microsoft.',
      ['Mustafa Suleyman a quitté sa startup pour Microsoft.'],
    ],
    [
      'Le projet représente un investissement de 4,2 millions d’euros (dont la moitié de l’État) sur six ans.',
      ['Le projet représente un investissement de 4,2 millions d’euros sur six ans.'],
    ],
    [
      'Les salaires grimpent dans la tech, alors que les petites entreprises ne peuvent pas suivre.',
      ['Les salaires grimpent dans la tech.'],
    ],
    ['Le chantier est immense.', []],
    // An opener then the main clause, not a subject and its apposition: « Néanmoins car elles omettent… ».
    [
      'Néanmoins, ces méthodes sont presque inutilisables, car elles omettent les limitations de l’humain.',
      ['Néanmoins, ces méthodes sont presque inutilisables.'],
    ],
    // A coordinated phrase is no aside: not « …d’un mot de passe fort l’alternative moderne… ».
    [
      'Nous introduisons ici une méthode garantissant l’obtention d’un mot de passe fort, ou plutôt une phrase de passe, l’alternative moderne des mots de passe.',
      [],
    ],
    // Real corpus sentences: an enumeration is no aside (not « un bogue de sécurité une vulnérabilité »).
    [
      'Le point faible peut être un bogue de sécurité, un virus, une vulnérabilité "Zéro-Day", ou simplement vous, car vous auriez choisi un mot de passe facile.',
      [
        'Le point faible peut être un bogue de sécurité, un virus, une vulnérabilité "Zéro-Day", ou simplement vous.',
      ],
    ],
    // A part with its own verb is a clause, not an aside (not « Selon moi il faut comprendre… »).
    [
      'Selon moi, glanner des techniques de protection sur le net n’est pas suffisant, il faut comprendre un minimum ce que vous faites.',
      [],
    ],
    [
      'Dans le cas contraire, le maillon faible sera toujours vous, ce que vous ne voulez certainement pas.',
      ['Dans le cas contraire, le maillon faible sera toujours vous.'],
    ],
    // A quotation and its attribution: the cut keeps the quotation's own stop, not « Ennemi.. ».
    [
      'Pour connaître ton Ennemi, tu dois devenir ton Ennemi. – Sun Tzu, L’Art de la Guerre',
      ['Pour connaître ton Ennemi, tu dois devenir ton Ennemi.'],
    ],
    // Examples between commas go wherever they stand; « au sens où » opens a clause that can go.
    [
      'Comprenez-moi bien, les recommandations habituelles sur les mots de passe, comme celles de Microsoft, sont bien pertinentes, au sens où elles construisent des mots de passe difficiles à craquer.',
      [
        'Comprenez-moi bien, les recommandations habituelles sur les mots de passe sont bien pertinentes, au sens où elles construisent des mots de passe difficiles à craquer.',
        'Comprenez-moi bien, les recommandations habituelles sur les mots de passe, comme celles de Microsoft, sont bien pertinentes.',
        'Comprenez-moi bien, les recommandations habituelles sur les mots de passe sont bien pertinentes.',
      ],
    ],
    // A cut inside a parenthesis leaves none open (was « …la ville (depuis le lancement du réseau en 2007. »).
    [
      'Les tarifs des transports changent la ville (depuis le lancement du réseau en 2007, avec ses douze lignes), selon la mairie.',
      [
        'Les tarifs des transports changent la ville (depuis le lancement du réseau en 2007, avec ses douze lignes).',
        'Les tarifs des transports changent la ville, selon la mairie.',
        'Les tarifs des transports changent la ville.',
      ],
    ],
    // A parenthesis the author left open is the author's: cuts after it stay possible.
    [
      'Les tarifs changent la ville (depuis le lancement du réseau en 2007, selon la mairie.',
      ['Les tarifs changent la ville (depuis le lancement du réseau en 2007.'],
    ],
    // An aside that is not between a subject and its verb leaves its first comma.
    [
      'Qui n’a pas des problèmes pour transférer des fichiers, que ce soit pour lui-même ou pour un autre, que ce soit à cause d’une limite de taille ?',
      [
        'Qui n’a pas des problèmes pour transférer des fichiers, que ce soit à cause d’une limite de taille ?',
      ],
    ],
  ])('%s', (sentence, expected) => {
    expect(shortenings(sentence)).toEqual(expected);
  });

  it.each([
    // « vous avez tout compris » has a subject and a verb: not « Bravo au SAV de Truffaut continuez… ».
    [
      'Bravo au SAV de Truffaut, vous avez tout compris, continuez comme cela !',
      'Bravo au SAV de Truffaut continuez',
    ],
    [
      'Bien entendu, je n’ai plus de facture d’achat, celui-ci datant de l’été dernier, mais pire.',
      'Bien entendu celui-ci',
    ],
  ])('never drops a clause as if it were an aside: %s', (sentence, wrongStart) => {
    const variants = shortenings(sentence, sharedLefffLexicon());
    expect(variants.filter((variant) => variant.startsWith(wrongStart))).toEqual([]);
  });

  it('an apposition with a noun that is also a verb form (« soldes ») still goes', () => {
    expect(
      shortenings(
        'Il semble que les plus grands acteurs de l’industrie technologique, dotés des plus gros soldes bancaires, soient en train de gagner.',
        sharedLefffLexicon(),
      ),
    ).toContain(
      'Il semble que les plus grands acteurs de l’industrie technologique soient en train de gagner.',
    );
  });

  it('never keeps a subject whose verb was cut (« Comprenez-moi bien, les recommandations… »)', () => {
    const sentence =
      'Comprenez-moi bien, les recommandations habituelles sur les mots de passe, comme celles de l’agence, sont bien pertinentes.';
    expect(shortenings(sentence, sharedLefffLexicon())).not.toContain(
      'Comprenez-moi bien, les recommandations habituelles sur les mots de passe.',
    );
  });
});

describe('buildMetaDescription and the keyphrase as written', () => {
  it('a sentence with « mots de passe » beats an earlier one with « mot de passe » only', () => {
    const description = buildMetaDescription({
      keyphrase: 'mots de passe',
      sentences: [
        'Évaluer la force d’un mot de passe sur la seule base de ses composantes est difficile, car elles sont liées les unes aux autres.',
        'Le site n’enregistre pas les mots de passe que vous tapez : le calcul est entièrement fait sur votre ordinateur, sans crainte.',
      ],
    });
    expect(description).toBe(
      'Le site n’enregistre pas les mots de passe que vous tapez : le calcul est entièrement fait sur votre ordinateur, sans crainte.',
    );
  });
});

describe('buildMetaDescription and the keyphrase words apart', () => {
  it.each([
    {
      keyphrase: 'plugins Jekyll',
      sentences: [
        // The singular, together: another inflection, which Yoast SEO and a search do not match.
        'Le plugin Jekyll que j’utilisais depuis plus d’un an ne fonctionnait plus avec la version 3, et la migration a dû attendre l’automne.',
        'Les plugins écrits pour Jekyll 2 ne fonctionnaient plus, il a fallu en remplacer plusieurs par de nouveaux plugins bien maintenus.',
      ],
      expected:
        'Les plugins écrits pour Jekyll 2 ne fonctionnaient plus, il a fallu en remplacer plusieurs par de nouveaux plugins bien maintenus.',
    },
    {
      // The phrase itself still beats its words apart.
      keyphrase: 'mots de passe',
      sentences: [
        'Les mots choisis par les utilisateurs sont prévisibles et la passe de sécurité la plus simple les trouve en quelques secondes.',
        'Un gestionnaire retient vos mots de passe à votre place et les remplit pour vous sur chaque site où vous vous connectez.',
      ],
      expected:
        'Un gestionnaire retient vos mots de passe à votre place et les remplit pour vous sur chaque site où vous vous connectez.',
    },
  ])('« $keyphrase »', ({ keyphrase, sentences, expected }) => {
    expect(buildMetaDescription({ keyphrase, sentences })).toBe(expected);
  });
});

describe('buildMetaDescription on the real-article corpus (issue 12)', () => {
  it('fr-md-eleventy-tout-change: a sentence with the keyphrase, wherever it is, beats the lead without it', () => {
    const description = buildMetaDescription({
      keyphrase: 'plugin Jekyll',
      sentences: [
        'J’utilisais jusqu’à présent un Rakefile bidouillé à partir d’un autre trouvé sur GitHub pour indexer mes contenus en appelant l’API Algolia.',
        'La migration est maintenant faite !',
        'J’ai donc créé le nouveau plugin pour publier les images.',
        'Il existe maintenant un plugin Jekyll Responsive Image qui permet d’utiliser la syntaxe srcset-w/sizes en général plus appropriée, avec même son propre template.',
      ],
    });
    // Before: the Rakefile sentence, without the keyphrase. A trailing « , avec … » is an adjunct that can go.
    expect(description).toBe(
      'Il existe maintenant un plugin Jekyll Responsive Image qui permet d’utiliser la syntaxe srcset-w/sizes en général plus appropriée.',
    );
  });

  it('a sentence with the keyphrase deep in the article still beats every sentence without it', () => {
    const filler = Array.from(
      { length: 40 },
      (_, index) =>
        `Le paragraphe numéro ${index + 1} raconte en détail une étape de la longue migration du site vers la nouvelle version du générateur statique.`,
    );
    const withKeyphrase =
      'Le plugin Jekyll Cloudinary ajoute un tag Liquid pour publier les images et générer automatiquement le code HTML adapté.';
    expect(buildMetaDescription({ keyphrase: 'plugin Jekyll', sentences: [...filler, withKeyphrase] })).toBe(
      withKeyphrase,
    );
  });

  it('fr-md-eleventy-sav-truffaut: never cut at a dash inside « que … » before its verb', () => {
    const description = buildMetaDescription({
      keyphrase: 'SAV de Truffaut',
      sentences: [
        'Il y a quelques jours, je découvre que mon minuteur d’arrosage automatique — un Gardena T 1030 D s’est rempli d’eau au niveau des composants électroniques, le rendant forcément inutilisable.',
        'De quoi faire gagner des points importants à Truffaut dans mon estime, ce qui vaut bien un tweet et ce billet de remerciement.',
        'Bravo au SAV de Truffaut, vous avez tout compris, continuez comme cela !',
      ],
    });
    // Before: « Il y a quelques jours, je découvre que mon minuteur d’arrosage automatique. Bravo au SAV… ».
    expect(description).not.toMatch(/automatique\./u);
    expect(description).toBe(
      'Il y a quelques jours, je découvre que mon minuteur d’arrosage automatique — un Gardena T 1030 D s’est rempli d’eau au niveau des composants électroniques.',
    );
  });

  it.each([
    [
      'De quoi faire gagner des points importants à Truffaut dans mon estime, ce qui vaut bien un tweet et ce billet.',
    ],
  ])('an elliptical opening answers the sentence before: %s', (sentence) => {
    const description = buildMetaDescription({
      keyphrase: 'Truffaut',
      sentences: [
        sentence,
        'Le magasin Truffaut de Grigny a remplacé mon minuteur d’arrosage par un modèle neuf et de gamme supérieure, sans facture.',
      ],
    });
    expect(description.startsWith('De quoi')).toBe(false);
  });
});

describe('buildMetaDescription reads sentences after the lead out of their context', () => {
  const lead = [
    'Comprenez-moi bien, les recommandations habituelles sur les mots de passe, comme ceux de Microsoft ou encore l’agence de sécurité française, sont bien pertinentes, au sens où elles construisent effectivement des mots de passe difficiles à craquer.',
    'Néanmoins, ces méthodes sont presque inutilisables, car elles omettent les limitations de l’humain.',
  ];
  const deep =
    'Le site n’enregistre pas les mots de passe que vous tapez, le calcul étant entièrement fait sur votre ordinateur, vous pouvez donc vous amuser sans crainte.';

  it('fr-txt-markdown-links-quotes: the lead shortened, not « Le site n’enregistre… » from mid-article', () => {
    const description = buildMetaDescription({
      keyphrase: 'mots de passe',
      sentences: [...lead, deep],
      leadLength: lead.length,
      lexicon: sharedLefffLexicon(),
    });
    expect(description).toBe(
      'Comprenez-moi bien, les recommandations habituelles sur les mots de passe sont bien pertinentes. Néanmoins, ces méthodes sont presque inutilisables.',
    );
  });

  it('a definite subject after the lead is refused alone, unless it is the keyphrase', () => {
    const short = ['Voici mon avis.'];
    expect(
      buildMetaDescription({ keyphrase: 'mots de passe', sentences: [...short, deep], leadLength: 1 }),
    ).not.toBe(deep);
    // Within the lead (no `leadLength`) the same sentence may stand alone.
    expect(buildMetaDescription({ keyphrase: 'mots de passe', sentences: [...short, deep] })).toBe(deep);
    const subject =
      'Les mots de passe aléatoires sont les plus robustes, car aucun dictionnaire ni aucune règle ne permet de les deviner plus vite.';
    expect(
      buildMetaDescription({ keyphrase: 'mots de passe', sentences: [...short, subject], leadLength: 1 }),
    ).toContain(subject);
  });

  it('a lead sentence is one of the lead once cleaned (list marker, no-break spaces), with or without leadLength', () => {
    const lead =
      '- Le site n’enregistre pas les mots\u00a0de\u00a0passe que vous tapez\u00a0: le calcul est entièrement fait sur votre propre ordinateur, sans aucun envoi.';
    const other =
      'Voici une autre phrase du chapeau, sans l’expression-clé, assez longue pour tenir dans les bornes de la description.';
    const expected =
      'Le site n’enregistre pas les mots de passe que vous tapez : le calcul est entièrement fait sur votre propre ordinateur, sans aucun envoi.';
    expect(
      buildMetaDescription({ keyphrase: 'mots de passe', sentences: [lead, other], leadLength: 2 }),
    ).toBe(expected);
    expect(buildMetaDescription({ keyphrase: 'mots de passe', sentences: [lead, other] })).toBe(expected);
  });

  it('fr-md-jekyll-cheminement-securite: a sentence that stands alone beats « ce maillon faible » pointing back', () => {
    const description = buildMetaDescription({
      keyphrase: 'mots de passe',
      sentences: [
        'Soyons clair : la sécurité parfaite n’existe pas, il y aura toujours un maillon faible.',
        'Quoi que vous fassiez pour améliorer votre politique de sécurité, vous ne ferez que déplacer ce maillon faible vers un autre dans la chaîne.',
        'Conséquence: plus de la moitié de la population déjà piratée.',
        'Il s’avère que les comportements dangereux des utilisateurs sont responsables de la plupart des actes de piratage enregistrés.',
      ],
    });
    expect(description).toBe(
      'Il s’avère que les comportements dangereux des utilisateurs sont responsables de la plupart des actes de piratage enregistrés.',
    );
  });

  it('« un de ces masques » is not a pointer to something told before', () => {
    const sentence =
      'Comme tout cycliste régulier qui s’inquiète un peu de l’état de ses poumons, je me suis acheté un de ces masques à particules fines.';
    expect(
      buildMetaDescription({
        keyphrase: 'masques à particules fines',
        // Read as pointing back, the first sentence would rank ten sentences later and lose to the second.
        sentences: [
          sentence,
          'Les masques à particules fines filtrent une partie des polluants, mais leur efficacité réelle dépend surtout de leur ajustement.',
        ],
      }),
    ).toBe(sentence);
  });
});

describe('buildMetaDescription: the keyphrase penalty against the rank (candidates left uncounted)', () => {
  // A shortened first sentence with the keyphrase once ranks 20; a whole sentence at index i ranks i, plus 5
  // with the keyphrase twice, 10,000 in another inflection: the lowest wins, the first of equals.
  const shortenedFirst =
    'Les vélos en libre-service changent profondément la manière dont les habitants de la ville se déplacent chaque jour entre leur domicile et leur travail (depuis le lancement du réseau en 2007 avec plus de vingt mille vélos).';
  const shortened =
    'Les vélos en libre-service changent profondément la manière dont les habitants de la ville se déplacent chaque jour entre leur domicile et leur travail.';
  const filler = (index: number) =>
    `La station numéro ${index} du quartier accueille chaque matin des centaines d’usagers pressés qui rejoignent leur bureau avant neuf heures du matin.`;
  const fillers = (count: number) => Array.from({ length: count }, (_, index) => filler(index + 1));
  const twice =
    'Les vélos en libre-service attirent les touristes, et les vélos en libre-service attirent aussi les habitants du centre qui travaillent tout près.';
  const once =
    'Les vélos en libre-service attirent les touristes du monde entier, mais ils attirent aussi les habitants du centre qui travaillent tout près.';
  const inflected =
    'Le vélo en libre-service attire les touristes du monde entier, mais il attire aussi les habitants du centre qui travaillent tout près de chez eux.';
  it.each([
    { name: 'nothing later', sentences: [shortenedFirst, ...fillers(30)], expected: shortened },
    {
      name: 'twice at 3 (rank 8)',
      sentences: [shortenedFirst, ...fillers(2), twice, ...fillers(5)],
      expected: twice,
    },
    { name: 'twice at 14 (rank 19)', sentences: [shortenedFirst, ...fillers(13), twice], expected: twice },
    {
      name: 'twice at 15 (rank 20, a tie)',
      sentences: [shortenedFirst, ...fillers(14), twice],
      expected: shortened,
    },
    { name: 'once at 25', sentences: [shortenedFirst, ...fillers(24), once], expected: shortened },
    {
      name: 'another inflection at 2',
      sentences: [shortenedFirst, filler(1), inflected],
      expected: shortened,
    },
    {
      name: 'no shortening; another inflection at 6, once at 28',
      sentences: [...fillers(6), inflected, ...fillers(21), once],
      expected: once,
    },
  ])('$name', ({ sentences, expected }) => {
    expect(buildMetaDescription({ keyphrase: 'vélos en libre-service', sentences })).toBe(expected);
  });
});
