import { type Assessment, percentage } from '../assessment.js';
import { matchedForms } from '../matched-forms.js';

/**
 * 0.5–3 % of the body's words, counting every word form of the keyphrase (by stem). Tools weigh a
 * several-word keyphrase differently; Plume takes the stricter reading on each side: plain occurrences
 * against the minimum, occurrences × content words against the maximum. Too dense scores 0; plain
 * occurrences above the maximum are keyword stuffing, which weighs −10 in the SEO mean as in Yoast
 * (see `SEO_MEAN_WEIGHTS`).
 */
export const keyphraseDensityAssessment: Assessment = {
  id: 'keyphrase-density',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null && analysis.statistics.bodyWords >= 100,
  assess(analysis, config) {
    const keyphrase = analysis.keyphrase;
    const words = analysis.statistics.bodyWords;
    const count = keyphrase?.bodyOccurrences ?? 0;
    const phraseWords = Math.max(1, keyphrase?.keyphrase.contentWords.length ?? 1);
    const density = percentage(count, words);
    const weightedDensity = percentage(count * phraseWords, words);
    const { minPercent: min, maxPercent: max } = config.keyphraseDensity;
    const marks = keyphrase?.marks ?? [];
    const forms = matchedForms(analysis);
    if (count === 0)
      return { score: 2, messageId: 'keyphrase-density.none', params: { count, density, min, max } };
    if (density < min)
      return {
        score: 4,
        messageId: 'keyphrase-density.low',
        params: { count, density, min, max, forms },
        marks,
      };
    if (density > max)
      return {
        score: 0,
        messageId: 'keyphrase-density.stuffing',
        params: { count, density, min, max, forms },
        marks,
      };
    if (weightedDensity > max)
      return {
        score: 0,
        messageId: 'keyphrase-density.high',
        params: { count, density: weightedDensity, min, max, forms },
        marks,
      };
    return {
      score: 9,
      messageId: 'keyphrase-density.good',
      params: { count, density, min, max, forms },
      marks,
    };
  },
};
