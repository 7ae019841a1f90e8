import { describe, expect, it } from 'vitest';
import type { AssessmentGroup } from '../../src/audit/assessment.js';
import { ratingOf } from '../../src/audit/assessment.js';
import { ASSESSMENTS } from '../../src/audit/assessments/index.js';
import type { AssessmentResult } from '../../src/audit/report.js';
import { readabilityScore, seoScore } from '../../src/audit/run-assessments.js';

/** A result with just what the overall scores read. */
function result(id: string, group: AssessmentGroup, score: number): AssessmentResult {
  return {
    id,
    group,
    title: id,
    score,
    rating: ratingOf(score),
    messageId: '',
    params: {},
    message: '',
    marks: [],
  };
}

const EXTRA_IDS: ReadonlySet<string> = new Set(
  ASSESSMENTS.filter((assessment) => assessment.extra).map((assessment) => assessment.id),
);

/** The six readability checks Yoast also makes, with the given scores in this order. */
function shared(...scores: number[]): AssessmentResult[] {
  const ids = [
    'sentence-length',
    'paragraph-length',
    'subheading-distribution',
    'passive-voice',
    'transition-words',
    'consecutive-sentences',
  ];
  return scores.map((score, index) => result(ids[index] as string, 'readability', score));
}

describe('overall readability: a traffic light from penalty points (ok 2, bad 3)', () => {
  it.each([
    ['all good', shared(9, 9, 9, 9, 9, 9), 90],
    ['two ok (4 points)', shared(6, 6, 9, 9, 9, 9), 90],
    ['one bad, one ok (5 points)', shared(3, 6, 9, 9, 9, 9), 60],
    ['two bad (6 points)', shared(3, 3, 9, 9, 9, 9), 60],
    ['one bad, two ok (7 points): a mean would say 78', shared(3, 6, 6, 9, 9, 9), 30],
    ['no shared check', [], 0],
  ])('%s -> %i', (_name, results, expected) => {
    expect(readabilityScore(results, EXTRA_IDS)).toBe(expected);
  });

  it.each([
    ['good extras take nothing off', [result('flesch-reading-ease', 'readability', 9)], 90],
    ['an ok Flesch takes 2 off', [result('flesch-reading-ease', 'readability', 6)], 88],
    [
      'three bad extras take at most 5 off: the light stays green',
      [
        result('flesch-reading-ease', 'readability', 3),
        result('french-typography', 'language', 3),
        result('french-language', 'language', 1),
      ],
      85,
    ],
  ])('%s', (_name, extras, expected) => {
    expect(readabilityScore([...shared(9, 9, 9, 9, 9, 9), ...extras], EXTRA_IDS)).toBe(expected);
  });
});

describe('overall SEO: the mean of the scores on 0–9, Plume-only checks only when they fail', () => {
  it.each([
    ['3, 6, 9 -> 67', [result('a', 'seo', 3), result('b', 'seo', 6), result('c', 'seo', 9)], 67],
    [
      'a good extra check does not lift the mean',
      [result('a', 'seo', 3), result('b', 'seo', 9), result('heading-hierarchy', 'seo', 9)],
      67,
    ],
    [
      'a failing extra check lowers it',
      [result('a', 'seo', 3), result('b', 'seo', 9), result('duplicate-headings', 'seo', 3)],
      56,
    ],
    ['readability results do not count', [result('a', 'seo', 9), ...shared(3)], 100],
    [
      'keyword stuffing weighs −10, as in Yoast: (9 + 9 − 10) / 27 -> 30',
      [
        result('a', 'seo', 9),
        result('b', 'seo', 9),
        { ...result('keyphrase-density', 'seo', 0), messageId: 'keyphrase-density.stuffing' },
      ],
      30,
    ],
    [
      'a thin text (under 200 words) weighs −10: (9 + 9 − 10) / 27 -> 30',
      [
        result('a', 'seo', 9),
        result('b', 'seo', 9),
        { ...result('text-length', 'seo', 0), messageId: 'text-length.thin' },
      ],
      30,
    ],
    [
      'an almost empty text (under 100 words) weighs −20: (9 + 9 + 9 − 20) / 36 -> 19',
      [
        result('a', 'seo', 9),
        result('b', 'seo', 9),
        result('c', 'seo', 9),
        { ...result('text-length', 'seo', 0), messageId: 'text-length.almost-empty' },
      ],
      19,
    ],
    [
      'a density too high only counting its words weighs 0: 18 / 27 -> 67',
      [
        result('a', 'seo', 9),
        result('b', 'seo', 9),
        { ...result('keyphrase-density', 'seo', 0), messageId: 'keyphrase-density.high' },
      ],
      67,
    ],
  ])('%s', (_name, results, expected) => {
    expect(seoScore(results, EXTRA_IDS)).toBe(expected);
  });

  it('marks as extra exactly the checks Yoast does not make', () => {
    expect([...EXTRA_IDS].sort()).toEqual([
      'duplicate-headings',
      'flesch-reading-ease',
      'french-language',
      'french-typography',
      'heading-hierarchy',
    ]);
  });
});
