/** What the Flesch formula reads from a text. */
export interface FleschCounts {
  /** Number of sentences. */
  sentences: number;
  /** Number of words (elisions excluded, see `countWords`). */
  words: number;
  /** Number of spoken syllables in those words (see `countSyllables`). */
  syllables: number;
}

/**
 * Flesch reading ease adapted to French by Kandel & Moles (1958):
 * 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words).
 * Higher is easier. Not clamped: very easy text can exceed 100, very hard text can go below 0.
 * Returns 0 when there is no word or no sentence (nothing to read), and for non-finite input, so callers
 * never see NaN or Infinity.
 */
export function fleschReadingEase(counts: FleschCounts): number {
  const { sentences, words, syllables } = counts;
  if (!(words > 0) || !(sentences > 0) || !Number.isFinite(words) || !Number.isFinite(sentences)) return 0;
  if (!Number.isFinite(syllables) || syllables < 0) return 0;
  return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words);
}

/** The usual reading-ease bands, from « very easy » (≥ 90) to « very difficult » (< 30). */
export type FleschBand =
  | 'very-easy'
  | 'easy'
  | 'fairly-easy'
  | 'standard'
  | 'fairly-difficult'
  | 'difficult'
  | 'very-difficult';

/** Lower bound of each band, from the easiest; a score below the last one is `very-difficult`. */
export const fleschBandThresholds: readonly { band: FleschBand; minimum: number }[] = [
  { band: 'very-easy', minimum: 90 },
  { band: 'easy', minimum: 80 },
  { band: 'fairly-easy', minimum: 70 },
  { band: 'standard', minimum: 60 },
  { band: 'fairly-difficult', minimum: 50 },
  { band: 'difficult', minimum: 30 },
];

/** The band of a reading-ease score: ≥ 90 very easy, ≥ 80 easy, ≥ 70, ≥ 60, ≥ 50, ≥ 30, below: very difficult. */
export function fleschBand(score: number): FleschBand {
  for (const threshold of fleschBandThresholds) {
    if (score >= threshold.minimum) return threshold.band;
  }
  return 'very-difficult';
}
