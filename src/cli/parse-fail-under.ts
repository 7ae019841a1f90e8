import { InvalidArgumentError } from 'commander';

export type ScoreThresholds = Partial<Record<'seo' | 'readability', number>>;

const SCORE_KEYS = ['seo', 'readability'] as const;

/** Commander parser for `--fail-under seo=80,readability=60` (one or both scores, 0–100). */
export function parseFailUnder(value: string): ScoreThresholds {
  const thresholds: ScoreThresholds = {};
  for (const part of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)\s*=\s*(\d{1,3})$/u.exec(part);
    const key = match?.[1] as (typeof SCORE_KEYS)[number] | undefined;
    const minimum = Number(match?.[2]);
    if (!key || !SCORE_KEYS.includes(key) || minimum > 100) {
      throw new InvalidArgumentError(
        `score=minimum attendu, avec seo ou readability et un minimum de 0 à 100 (ex. seo=80,readability=60).`,
      );
    }
    thresholds[key] = minimum;
  }
  if (Object.keys(thresholds).length === 0) {
    throw new InvalidArgumentError('au moins un seuil attendu, ex. seo=80.');
  }
  return thresholds;
}
