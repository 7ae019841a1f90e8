import type { Assessment } from '../assessment.js';

/** Against the configured minimum (700 words by default), headings excluded. */
export const textLengthAssessment: Assessment = {
  id: 'text-length',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis, config) {
    const words = analysis.statistics.bodyWords;
    const min = config.minWords;
    const params = { words, min };
    if (words >= min) return { score: 9, messageId: 'text-length.good', params };
    if (words >= min * config.textLength.okRatio) return { score: 6, messageId: 'text-length.short', params };
    if (words >= min * config.textLength.badRatio)
      return { score: 3, messageId: 'text-length.too-short', params };
    return { score: 1, messageId: 'text-length.far-too-short', params };
  },
};
