import { type Assessment, percentage } from '../assessment.js';

/** 0.5–3 % of the body's words, counting every word form of the keyphrase (by stem). */
export const keyphraseDensityAssessment: Assessment = {
  id: 'keyphrase-density',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null && analysis.statistics.bodyWords >= 100,
  assess(analysis, config) {
    const keyphrase = analysis.keyphrase;
    const words = analysis.statistics.bodyWords;
    const count = keyphrase?.bodyOccurrences ?? 0;
    // Each occurrence weighs as many words as the keyphrase has content words, as the public formula does.
    const phraseWords = Math.max(1, keyphrase?.keyphrase.contentWords.length ?? 1);
    const density = percentage(count * phraseWords, words);
    const { minPercent: min, maxPercent: max } = config.keyphraseDensity;
    const params = { count, density, min, max };
    const marks = keyphrase?.marks ?? [];
    if (count === 0) return { score: 2, messageId: 'keyphrase-density.none', params };
    if (density < min) return { score: 4, messageId: 'keyphrase-density.low', params, marks };
    if (density > max) return { score: 3, messageId: 'keyphrase-density.high', params, marks };
    return { score: 9, messageId: 'keyphrase-density.good', params, marks };
  },
};
