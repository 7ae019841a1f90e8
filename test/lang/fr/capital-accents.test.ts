import { describe, expect, it } from 'vitest';
import { CAPITAL_ACCENT_WORDS, capitalAccentLexicon } from '../../../src/lang/fr/capital-accent-words.js';
import {
  bareCapitalWords,
  findBareCapitals,
  restoreCapitalAccents,
} from '../../../src/lang/fr/capital-accents.js';
import { type Lexicon, type PartOfSpeech, withClosedClasses } from '../../../src/lang/fr/lexicon.js';
import { createLefffLexicon } from '../../../src/lexicon/lefff-lexicon.js';
import { seededRandom } from '../../helpers/seeded-random.js';

const lefff = createLefffLexicon();

describe('restoreCapitalAccents with the Lefff', () => {
  const cases: [string, string][] = [
    ['Evaluer le risque avant de partir.', 'Évaluer le risque avant de partir.'],
    ['Comment l’Etat finance-t-il les écoles ?', 'Comment l’État finance-t-il les écoles ?'],
    ["Selon l'Etat, rien ne change.", "Selon l'État, rien ne change."],
    ['Etant donné la météo, on reste.', 'Étant donné la météo, on reste.'],
    ['*Eteindre* la box.', '*Éteindre* la box.'],
    ['Ca marche très bien.', 'Ça marche très bien.'],
    ['Etes-vous prêts ?', 'Êtes-vous prêts ?'],
    ['Les Etats-Unis votent.', 'Les États-Unis votent.'],
    ['Egalement, Economie et Education.', 'Également, Économie et Éducation.'],
    ['(Electricité comprise)', '(Électricité comprise)'],
    ['« Etre ou ne pas être »', '« Être ou ne pas être »'],
    // Names, words that exist as written, acronyms and foreign words keep what the author wrote.
    ['Eric et Emile partent.', 'Eric et Emile partent.'],
    ['Eleventy est un générateur.', 'Eleventy est un générateur.'],
    ['Elle part. Enfin, Cette fois.', 'Elle part. Enfin, Cette fois.'],
    ['ETAT CIVIL', 'ETAT CIVIL'],
    ['Evita Perón', 'Evita Perón'],
    // Another letter's missing accent is not a capital's: « Apres » is left for the author.
    ['Apres le repas.', 'Apres le repas.'],
    // File names, addresses and paths that survived into the text.
    ['Voir Ecole.html ou Eric@exemple.fr.', 'Voir Ecole.html ou Eric@exemple.fr.'],
    ['le dossier Etude/2024', 'le dossier Etude/2024'],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(restoreCapitalAccents(input, lefff)).toBe(expected);
    expect(restoreCapitalAccents(expected, lefff)).toBe(expected);
  });
});

/** A lexicon of the given open-class words, closed classes included. */
function lexiconOf(entries: Record<string, PartOfSpeech[]>): Lexicon {
  return withClosedClasses({
    partsOfSpeech: (word) => new Set(entries[word.toLowerCase()] ?? entries[word] ?? []),
  });
}

describe('restoreCapitalAccents decides by the lexicon', () => {
  it('leaves a bare spelling with two accented readings alone', () => {
    const lexicon = lexiconOf({ émeu: ['noun'], èmeu: ['noun'] });
    expect(restoreCapitalAccents('Emeu', lexicon)).toBe('Emeu');
  });

  it('does not take a proper noun for a common word', () => {
    const lexicon = lexiconOf({ Émile: ['proper-noun'] });
    expect(restoreCapitalAccents('Emile vient.', lexicon)).toBe('Emile vient.');
  });

  it('leaves a word it cannot find accented as it is', () => {
    expect(restoreCapitalAccents('Ecrire vite.', lexiconOf({}))).toBe('Ecrire vite.');
    expect(restoreCapitalAccents('Ecrire vite.', lexiconOf({ écrire: ['infinitive'] }))).toBe('Écrire vite.');
  });
});

// The audit finds bare capitals with a short list (no full lexicon on its cold path): it must report only
// what the optimize's polish, with the Lefff, restores the same way.
describe("the audit's list of accented words", () => {
  const bare = (word: string) => `${word[0] === 'ç' ? 'C' : 'E'}${word.slice(1)}`;

  it.each(CAPITAL_ACCENT_WORDS.map((word) => [word]))(
    '%s: the Lefff restores its bare capital alike',
    (word) => {
      const capitalized = `${word[0]?.toUpperCase()}${word.slice(1)}`;
      expect(restoreCapitalAccents(bare(word), lefff)).toBe(capitalized);
      expect(restoreCapitalAccents(bare(word), capitalAccentLexicon)).toBe(capitalized);
    },
  );

  it('finds each bare capital where it is, with what it should be', () => {
    expect(findBareCapitals('Selon l’Etat, Ca va. Eric et Elle.', capitalAccentLexicon)).toEqual([
      { start: 8, end: 12, found: 'Etat', expected: 'État' },
      { start: 14, end: 16, found: 'Ca', expected: 'Ça' },
    ]);
  });
});

describe('bareCapitalWords', () => {
  /** The pattern the scanner replaced (1 to 4 ms to compile at each start): the reference. */
  const BARE_CAPITAL_WORD =
    /(^|[\s«“"([—–'’*_])([EC]\p{Ll}+)(?![\p{L}\p{N}])(?![_/@][\p{L}\p{N}])(?!\.[\p{L}\p{N}])/gu;
  const reference = (text: string) =>
    [...text.matchAll(BARE_CAPITAL_WORD)].map((match) => ({
      start: match.index + (match[1] as string).length,
      word: match[2] as string,
    }));

  it.each([
    'Etat',
    "l'Etat et l’Etat, (Ca) « Eleve » *Etes*",
    'Etats-Unis Etes-vous',
    'Etat2 Etat/x Etat. Etat.x Ecole@x Ecole_ Ecole_x Ecole@',
    'EtAt ETAT Éte xEtat _Etat \u00a0Etat\u202fEtat',
    '(Etat',
    'Eté Eßa Cañon Cµ Eǆa',
    'E𝐚 E𝐀 Etat𝐀 Etat🙂',
  ])('finds in %j what the pattern finds', (text) => {
    expect(bareCapitalWords(text)).toEqual(reference(text));
  });

  it('finds what the pattern finds in random texts', () => {
    const pieces = [
      'E',
      'C',
      'Etat',
      ' Ca',
      'e',
      'a',
      'tat',
      'A',
      '2',
      ' ',
      '\u00a0',
      "'",
      '’',
      '(',
      '«',
      '.',
      '/',
      '@',
      '_',
      '-',
      'é',
      'É',
      '𝐚',
      '🙂',
      '\n',
    ];
    const { below: random, pick } = seededRandom(5);
    let found = 0;
    for (let run = 0; run < 5000; run += 1) {
      let text = '';
      for (let count = 1 + random(12); count > 0; count -= 1) text += pick(pieces);
      const expected = reference(text);
      expect(bareCapitalWords(text), JSON.stringify(text)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(300);
  });
});
