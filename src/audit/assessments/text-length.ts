import type { Assessment } from '../assessment.js';

/**
 * Against the configured minimum (700 words by default), headings excluded. Under 200 words a page is
 * thin content whatever the target: that weighs below zero in the SEO mean (`SEO_MEAN_WEIGHTS`), as in
 * Yoast SEO, where such a text loses 10 points of the mean, and 20 under 100 words.
 */
export const textLengthAssessment: Assessment = {
  id: 'text-length',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis, config) {
    const words = analysis.statistics.bodyWords;
    const min = config.minWords;
    const params = { words, min };
    if (words >= min) return { score: 9, messageId: 'text-length.good', params };
    if (words < THIN_CONTENT_WORDS.empty) return { score: 0, messageId: 'text-length.almost-empty', params };
    if (words < THIN_CONTENT_WORDS.thin) return { score: 0, messageId: 'text-length.thin', params };
    if (words >= min * config.textLength.okRatio) return { score: 6, messageId: 'text-length.short', params };
    if (words >= min * config.textLength.badRatio)
      return { score: 3, messageId: 'text-length.too-short', params };
    return { score: 1, messageId: 'text-length.far-too-short', params };
  },
};

/** Below these many words a page is thin (`thin`) or almost empty (`empty`) for a search engine. */
export const THIN_CONTENT_WORDS = { thin: 200, empty: 100 } as const;
