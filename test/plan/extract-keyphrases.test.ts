import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { normalizeWord } from '../../src/lang/fr/normalize-word.js';
import { isStopword } from '../../src/lang/fr/stopwords.js';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import * as module from '../../src/plan/extract-keyphrases.js';
import {
  extractKeyphrases,
  type KeyphraseCandidate,
  pickSecondaryKeywords,
} from '../../src/plan/extract-keyphrases.js';
import { isKeyphraseNoun, isNounPhraseShape } from '../../src/plan/keyphrase-shape.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const exampleText = read('examples/talents-ia.txt');

function fromText(text: string) {
  return extractKeyphrases(analyze(parseText(text)), { limit: 30 });
}

/** First and last words of a phrase, normalized, elisions kept apart. */
function edgeWords(phrase: string): [string, string] {
  const tokens = tokenizeWords(phrase);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) throw new Error(`empty phrase: ${phrase}`);
  return [normalizeWord(first.text), normalizeWord(last.text)];
}

function candidate(phrase: string, stems: string[], score: number): KeyphraseCandidate {
  return { phrase, stems, words: phrase.split(' ').length, occurrences: 2, score };
}

test('public API', () => {
  expect(Object.keys(module).sort()).toEqual([
    'KEYPHRASE_EXTRACTION',
    'extractKeyphrases',
    'pickSecondaryKeywords',
  ]);
});

describe('extractKeyphrases on the example article', () => {
  const analysis = analyze(parseText(exampleText));
  const candidates = extractKeyphrases(analysis, { limit: 30 });

  test('« talents en IA » comes first', () => {
    const [first] = candidates;
    expect(first?.phrase).toBe('talents en IA');
    expect(first?.stems).toEqual(['talent', 'ia']);
    expect(first?.words).toBe(3);
    expect(first?.occurrences).toBe(5);
  });

  test('secondary keywords are sensible phrases', () => {
    const focus = candidates[0] as KeyphraseCandidate;
    const secondary = pickSecondaryKeywords(candidates, focus);
    expect(secondary).toHaveLength(5);
    expect(secondary).toContain('petites entreprises');
    expect(secondary).toContain('IA générative');
    for (const phrase of secondary) {
      const [first, last] = edgeWords(phrase);
      expect(isStopword(first), phrase).toBe(false);
      expect(isStopword(last), phrase).toBe(false);
      const stems = candidates.find((entry) => entry.phrase === phrase)?.stems ?? [];
      // Neither « IA » nor « talents » alone, nor a longer phrase around the focus.
      expect(
        stems.every((stem) => focus.stems.includes(stem)),
        phrase,
      ).toBe(false);
      expect(
        focus.stems.every((stem) => stems.includes(stem)),
        phrase,
      ).toBe(false);
    }
  });

  test('every candidate is a clean phrase, best first', () => {
    expect(candidates.length).toBe(30);
    for (const [index, entry] of candidates.entries()) {
      const [first, last] = edgeWords(entry.phrase);
      expect(isStopword(first), entry.phrase).toBe(false);
      expect(isStopword(last), entry.phrase).toBe(false);
      expect(entry.phrase, 'no punctuation inside').not.toMatch(/[,;:.!?«»“”()–—]/u);
      expect(entry.words).toBeGreaterThanOrEqual(1);
      expect(entry.words).toBeLessThanOrEqual(4);
      expect(entry.stems.length).toBeLessThanOrEqual(entry.words);
      expect(entry.occurrences).toBeGreaterThanOrEqual(2);
      expect(entry.score).toBeGreaterThan(0);
      const previous = candidates[index - 1];
      if (previous) expect(previous.score).toBeGreaterThanOrEqual(entry.score);
    }
  });

  test('no two candidates share their stems', () => {
    const keys = candidates.map((entry) => entry.stems.join(' '));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('« IA » stays, as it mostly occurs on its own; « Tech » goes, as it only occurs in « Big Tech »', () => {
    const single = candidates.find((entry) => entry.phrase === 'IA');
    expect(single?.occurrences).toBeGreaterThan(2 * (candidates[0]?.occurrences ?? 0));
    expect(candidates.some((entry) => entry.phrase === 'Big Tech')).toBe(true);
    expect(candidates.some((entry) => entry.stems.join(' ') === 'tech')).toBe(false);
  });

  test('options: limit and maxWords', () => {
    expect(extractKeyphrases(analysis)).toHaveLength(10);
    expect(extractKeyphrases(analysis, { limit: 3 })).toEqual(candidates.slice(0, 3));
    expect(extractKeyphrases(analysis, { limit: 0 })).toEqual([]);
    const singles = extractKeyphrases(analysis, { maxWords: 1 });
    expect(singles.length).toBeGreaterThan(0);
    for (const entry of singles) expect(entry.words).toBe(1);
    for (const entry of extractKeyphrases(analysis, { maxWords: 2, limit: 30 }))
      expect(entry.words).toBeLessThanOrEqual(2);
  });

  test('is deterministic', () => {
    const again = extractKeyphrases(analyze(parseText(exampleText)), { limit: 30 });
    expect(again).toEqual(candidates);
    expect(pickSecondaryKeywords(again, again[0] as KeyphraseCandidate)).toEqual(
      pickSecondaryKeywords(candidates, candidates[0] as KeyphraseCandidate),
    );
  });
});

describe('extractKeyphrases on other French texts', () => {
  const cases = [
    { file: 'voiture-electrique.txt', focus: 'voiture électrique', stems: ['voitur', 'électr'] },
    { file: 'teletravail.txt', focus: 'télétravail', stems: ['télétravail'] },
    { file: 'pain-au-levain.md', focus: 'pain au levain', stems: ['pain', 'levain'] },
  ];

  test.each(cases)('$file: « $focus » comes first', ({ file, focus, stems }) => {
    const text = read(`test/fixtures/keyphrases/${file}`);
    const document = file.endsWith('.md') ? parseMarkdown(text) : parseText(text);
    const candidates = extractKeyphrases(analyze(document));
    expect(candidates[0]?.phrase).toBe(focus);
    expect(candidates[0]?.stems).toEqual(stems);
    const secondary = pickSecondaryKeywords(candidates, candidates[0] as KeyphraseCandidate, 3);
    expect(secondary).toHaveLength(3);
    expect(secondary).not.toContain(focus);
  });

  test('variants of a phrase are merged under their most frequent form', () => {
    const candidates = fromText(
      'Les voitures électriques se vendent bien. Une voiture électrique coûte cher. ' +
        'La voiture électrique plaît aux familles. On recharge une voiture électrique la nuit.',
    );
    const car = candidates.find((entry) => entry.stems.join(' ') === 'voitur électr');
    expect(car?.phrase).toBe('voiture électrique');
    expect(car?.occurrences).toBe(4);
  });

  test.each([
    [
      'the opening’s inflection wins over a more frequent one',
      'Nous avons éduqué les gens à avoir leurs mots de passe craqués.\n\n' +
        'Un mot de passe court se devine. Un mot de passe long résiste. Changez de mot de passe souvent.',
      'mot pass',
      'mots de passe',
    ],
    [
      'words of the opening, apart, pick the form',
      'Le site migre enfin, malgré des plugins bloqués par Jekyll.\n\n' +
        'Un plugin Jekyll indexe les pages. Le plugin Jekyll suivant gère les images. ' +
        'Les plugins Jekyll restent simples.',
      'plugin jekyll',
      'plugins Jekyll',
    ],
    [
      'frequency decides when the opening echoes no form',
      'Le sujet du jour est ailleurs.\n\n' +
        'Un mot de passe court se devine. Un mot de passe long résiste. Des mots de passe uniques protègent.',
      'mot pass',
      'mot de passe',
    ],
  ])('%s', (_name, text, stems, phrase) => {
    const found = fromText(text).find((entry) => entry.stems.join(' ') === stems);
    expect(found?.phrase).toBe(phrase);
  });

  test('function words may sit inside a phrase', () => {
    const text =
      'Les chefs de produit décident de la feuille de route. Un bon chef de produit écoute les clients. ' +
      'Les chefs de produit travaillent avec les développeurs. Recruter des chefs de produit prend du temps.';
    const [first] = fromText(text);
    expect(first?.phrase).toBe('chefs de produit');
    expect(first?.occurrences).toBe(4);
  });

  test('punctuation breaks a phrase', () => {
    const text =
      'Nous vendons des pommes, rouges ou vertes. Les pommes : rouges, jaunes. ' +
      'Les pommes – rouges surtout – sont croquantes. Des pommes « rouges » aussi.';
    const candidates = fromText(text);
    expect(candidates.some((entry) => entry.stems.join(' ') === 'pomm roug')).toBe(false);
    expect(candidates.some((entry) => entry.phrase === 'pommes')).toBe(true);
  });

  test('a capital that only opens a sentence is lowered; a name keeps its capital', () => {
    const text =
      'Télétravail rime avec liberté à Paris. Télétravail ne veut pas dire isolement. ' +
      'Le télétravail plaît. Paris compte beaucoup de salariés en télétravail.';
    const candidates = fromText(text);
    expect(candidates.map((entry) => entry.phrase)).toContain('télétravail');
    expect(candidates.map((entry) => entry.phrase)).toContain('Paris');
  });
});

describe('extractKeyphrases on empty and tiny texts', () => {
  test.each([
    ['empty', ''],
    ['blank', '   \n\n  '],
    ['punctuation only', '… !? « »'],
    ['numbers only', '12 000 € et 4 %.'],
    ['stopwords only', 'Il y en a pour nous tous.'],
  ])('%s: no candidate', (_name, text) => {
    expect(fromText(text)).toEqual([]);
  });

  test('a single word is one candidate', () => {
    expect(fromText('Bonjour.')).toEqual([
      expect.objectContaining({ phrase: 'bonjour', stems: ['bonjour'], words: 1, occurrences: 1 }),
    ]);
  });

  test('a tiny text keeps phrases seen once', () => {
    const candidates = fromText('La voiture électrique séduit les familles.');
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((entry) => entry.occurrences === 1)).toBe(true);
  });
});

describe('pickSecondaryKeywords', () => {
  const focus = candidate('talents en IA', ['talent', 'ia'], 10);
  const pool = [
    focus,
    candidate('IA', ['ia'], 9),
    candidate('petites entreprises', ['petit', 'entrepris'], 8),
    candidate('talents en IA générative', ['talent', 'ia', 'géner'], 7),
    candidate('entreprises', ['entrepris'], 6),
    candidate('IA générative', ['ia', 'géner'], 5),
    candidate('grandes entreprises', ['grand', 'entrepris'], 4),
    candidate('recruteurs', ['recruteur'], 3),
    candidate('Big Tech', ['big', 'tech'], 2),
    candidate('compétences', ['compétent'], 1),
    candidate('startups', ['startup'], 0.5),
  ];

  test('skips the focus, its parts, longer phrases around it and near-duplicates', () => {
    expect(pickSecondaryKeywords(pool, focus)).toEqual([
      'petites entreprises',
      'IA générative',
      'grandes entreprises',
      'recruteurs',
      'Big Tech',
    ]);
  });

  test('count is clamped to 3–6', () => {
    expect(pickSecondaryKeywords(pool, focus, 1)).toHaveLength(3);
    expect(pickSecondaryKeywords(pool, focus, 6)).toHaveLength(6);
    expect(pickSecondaryKeywords(pool, focus, 20)).toHaveLength(6);
  });

  test('near-duplicates come back to reach 3', () => {
    const short = [focus, pool[2], pool[4], pool[6]] as KeyphraseCandidate[];
    expect(pickSecondaryKeywords(short, focus)).toEqual([
      'petites entreprises',
      'entreprises',
      'grandes entreprises',
    ]);
  });

  test('returns what there is when the pool is small', () => {
    expect(pickSecondaryKeywords([focus, pool[1] as KeyphraseCandidate], focus)).toEqual([]);
    expect(pickSecondaryKeywords([], focus)).toEqual([]);
  });
});

describe('extractKeyphrases with the Lefff lexicon on real articles', () => {
  const lexicon = sharedLefffLexicon();
  // Article → focus keyphrase: a 2–4-word noun phrase a reader would search for, not one generic word
  // (before the lexicon: « fichiers » aside, « installation », « vivre mieux », « vélos », « Truffaut »).
  const cases: [string, string][] = [
    ['examples/talents-ia.txt', 'talents en IA'],
    ['test/golden/short-article/input.txt', 'vélos en libre-service'],
    ['test/golden/long-no-headings/input.txt', 'métro parisien'],
    ['test/golden/markdown-headings/input.md', 'potager en permaculture'],
    ['test/corpus/fr-md-eleventy-sav-truffaut/source.md', 'SAV de Truffaut'],
    // The opening's own inflections (« des plugins », « Jekyll »), though the singular is as frequent.
    ['test/corpus/fr-md-eleventy-tout-change/source.md', 'plugins Jekyll'],
    ['test/corpus/fr-md-hugo-kodi-sfr-tv/source.md', 'TV de SFR'],
    ['test/corpus/fr-md-jekyll-diceware/source.md', 'mots de passe'],
    ['test/corpus/fr-md-jekyll-laissez-moi-respirer/source.md', 'masques à particules fines'],
    ['test/corpus/fr-txt-title-first-line/source.txt', 'masques à particules fines'],
    // « bon sens » is an idiom (an evaluative adjective and its noun): the biases the article is about.
    ['test/corpus/fr-md-jekyll-long-bugs-du-cerveau/source.md', 'biais cognitifs'],
    // The opening's « leurs mots de passe craqués », though « mot de passe » is more frequent.
    ['test/corpus/fr-txt-markdown-links-quotes/source.txt', 'mots de passe'],
    // A participle ending the title is its predicate; the author credited after « par » is no topic.
    ['test/corpus/fr-md-eleventy-short-transferts/source.md', 'transferts de gros fichiers'],
    ['test/corpus/fr-md-long-eleventy-introduction/source.md', 'Eleventy'],
    ['test/corpus/fr-md-eleventy-lapeyre/source.md', 'Lapeyre'],
  ];
  test.each(cases)('%s → « %s »', async (path, expected) => {
    const fileName = path.split('/').pop() as string;
    const document = await ingest(read(path), { fileName });
    const [first] = extractKeyphrases(analyze(document), { limit: 5, lexicon });
    expect(first?.phrase).toBe(expected);
  });

  test('never a verb phrase, a participle with its complement or an adverb', async () => {
    const document = await ingest(read('test/corpus/fr-md-jekyll-laissez-moi-respirer/source.md'), {
      fileName: 'source.md',
    });
    const phrases = extractKeyphrases(analyze(document), { limit: 30, lexicon }).map((found) => found.phrase);
    for (const refused of ['vivre mieux', 'mieux', 'devoir', 'prendre'])
      expect(phrases).not.toContain(refused);
    const example = extractKeyphrases(analyze(parseText(exampleText)), { limit: 30, lexicon }).map(
      (found) => found.phrase,
    );
    for (const refused of ['travailleurs possédant', 'liés à l’IA']) expect(example).not.toContain(refused);
  });
});

describe('isNounPhraseShape and isKeyphraseNoun', () => {
  const lexicon = sharedLefffLexicon();
  const phrases: [string, boolean][] = [
    ['sommeil des adolescents', true],
    ['vélos en libre-service', true],
    ['handicap auditif', true],
    ['talents en IA', true],
    ['bon sens', true],
    ['masques à particules fines', true],
    ['rénovation énergétique des logements', true],
    ['plugin Jekyll', true],
    ['vivre mieux', false],
    ['mot de passe dépend', false],
    ['site est généré', false],
    ['travailleurs possédant', false],
    ['white hats', false],
    ['pour les', false],
  ];
  test.each(phrases)('« %s » → %s', (phrase, expected) => {
    const words = tokenizeWords(phrase).map((token) => token.text);
    expect(isNounPhraseShape(lexicon, words)).toBe(expected);
  });
  const words: [string, boolean][] = [
    ['sommeil', true],
    ['Truffaut', true],
    ['POP', true],
    ['mieux', false],
    ['devoir', false],
    ['les', false],
    ['prendre', false],
  ];
  test.each(words)('« %s » alone → %s', (word, expected) => {
    expect(isKeyphraseNoun(lexicon, word)).toBe(expected);
  });
});
