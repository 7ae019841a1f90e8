import { describe, expect, it } from 'vitest';
import * as syllableModule from '../../../src/lang/fr/count-syllables.js';
import { countSyllables } from '../../../src/lang/fr/count-syllables.js';
import fixture from '../../fixtures/syllables-fr.json' with { type: 'json' };

/**
 * `test/fixtures/syllables-fr.json` maps a word to its spoken syllable count in standard French. Entries are
 * grouped in this order: common words, news vocabulary, silent final e, verbs in -ent, pronounced -ent,
 * -ment adverbs and nouns, -ment verbs, hiatus, glides, « ill », y, diaeresis, qu/gu, digraphs, hyphens and
 * apostrophes, loanwords from tech news, acronyms.
 * Disputed words (glide or full vowel, « jouer » 1 or 2; schwa dropped or not, « samedi » 2 or 3) take an
 * array of accepted counts, like the `overwrite` map of wooorm's `syllable` fixtures.
 */
const entries = Object.entries(fixture as Record<string, number | number[]>);

function accepts(expected: number | number[], actual: number): boolean {
  return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
}

describe('countSyllables', () => {
  it('exports its API', () => {
    expect(Object.keys(syllableModule).sort()).toEqual([
      'countSyllables',
      'pronouncedEntWords',
      'readCapitalWords',
      'silentMentEndings',
      'silentMentVerbs',
      'syllableExceptions',
    ]);
  });

  it('has a fixture of at least 300 words', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
  });

  it('matches at least 98 % of the fixture', () => {
    const mismatches: string[] = [];
    for (const [word, expected] of entries) {
      const actual = countSyllables(word);
      if (!accepts(expected, actual))
        mismatches.push(`${word}: expected ${JSON.stringify(expected)}, got ${actual}`);
    }
    if (mismatches.length > 0)
      console.log(`countSyllables mismatches (${mismatches.length}):\n${mismatches.join('\n')}`);
    const matchRate = (entries.length - mismatches.length) / entries.length;
    expect(matchRate).toBeGreaterThanOrEqual(0.98);
  });

  it.each([
    { word: '', expected: 0 },
    { word: '2024', expected: 0 },
    { word: '100 000', expected: 0 },
    { word: '4,5 %', expected: 0 },
    { word: 'l’', expected: 0 },
    { word: "l'", expected: 0 },
    { word: "qu'", expected: 0 },
    { word: "aujourd'hui", expected: 3 },
    { word: 'L’IA', expected: 2 },
    { word: 'Entreprise', expected: 3 },
    { word: 'ENTREPRISES', expected: 3 },
    { word: 'LES', expected: 1 },
    { word: 'e\u0301le\u0300ve', expected: 2 },
    { word: 'GPT-4', expected: 3 },
    { word: 'COVID-19', expected: 2 },
    { word: 'pff', expected: 1 },
    { word: 'J', expected: 1 },
    { word: 'xAI', expected: 3 },
    { word: 'WWF', expected: 7 },
    { word: 'paysages', expected: 3 },
    { word: 'puis-je', expected: 1 },
  ])('$word -> $expected', ({ word, expected }) => {
    expect(countSyllables(word)).toBe(expected);
  });
});
