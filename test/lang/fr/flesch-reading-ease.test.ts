import { describe, expect, it } from 'vitest';
import * as fleschModule from '../../../src/lang/fr/flesch-reading-ease.js';
import { fleschBand, fleschReadingEase } from '../../../src/lang/fr/flesch-reading-ease.js';

describe('fleschReadingEase', () => {
  it('exports its API', () => {
    expect(Object.keys(fleschModule).sort()).toEqual([
      'fleschBand',
      'fleschBandThresholds',
      'fleschReadingEase',
    ]);
  });

  it.each([
    // 207 − 1.015 × 10 − 73.6 × 1.5 = 86.45
    { counts: { sentences: 1, words: 10, syllables: 15 }, expected: 86.45 },
    // 207 − 1.015 × 20 − 73.6 × 1.6 = 68.94
    { counts: { sentences: 5, words: 100, syllables: 160 }, expected: 68.94 },
    // 207 − 1.015 × 25 − 73.6 × 2 = 34.425
    { counts: { sentences: 44, words: 1100, syllables: 2200 }, expected: 34.425 },
    // One monosyllable: 207 − 1.015 − 73.6 = 132.385, not clamped to 100.
    { counts: { sentences: 1, words: 1, syllables: 1 }, expected: 132.385 },
    // Very long sentences of long words go below 0, not clamped either.
    { counts: { sentences: 1, words: 100, syllables: 300 }, expected: -115.3 },
  ])('$counts -> $expected', ({ counts, expected }) => {
    expect(fleschReadingEase(counts)).toBeCloseTo(expected, 6);
  });

  it.each([
    { sentences: 0, words: 0, syllables: 0 },
    { sentences: 3, words: 0, syllables: 0 },
    { sentences: 0, words: 12, syllables: 20 },
    { sentences: Number.NaN, words: 12, syllables: 20 },
    { sentences: 1, words: Number.NaN, syllables: 20 },
    { sentences: 1, words: 12, syllables: Number.NaN },
    { sentences: 1, words: Number.POSITIVE_INFINITY, syllables: 20 },
    { sentences: -1, words: 12, syllables: 20 },
  ])('returns 0 when there is nothing to read: %o', (counts) => {
    expect(fleschReadingEase(counts)).toBe(0);
  });
});

describe('fleschBand', () => {
  it.each([
    { score: 132, expected: 'very-easy' },
    { score: 90, expected: 'very-easy' },
    { score: 89.99, expected: 'easy' },
    { score: 80, expected: 'easy' },
    { score: 79.5, expected: 'fairly-easy' },
    { score: 70, expected: 'fairly-easy' },
    { score: 69.9, expected: 'standard' },
    { score: 60, expected: 'standard' },
    { score: 59.9, expected: 'fairly-difficult' },
    { score: 50, expected: 'fairly-difficult' },
    { score: 49.9, expected: 'difficult' },
    { score: 30, expected: 'difficult' },
    { score: 29.9, expected: 'very-difficult' },
    { score: -40, expected: 'very-difficult' },
    { score: Number.NaN, expected: 'very-difficult' },
  ])('$score -> $expected', ({ score, expected }) => {
    expect(fleschBand(score)).toBe(expected);
  });
});
