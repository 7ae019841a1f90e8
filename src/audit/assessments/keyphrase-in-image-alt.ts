import { type Assessment, percentage } from '../assessment.js';

/**
 * Some image should describe the topic in its alt text, not all of them: with five images or more,
 * 30–75 % of the alt texts. No image at all is bad here too (as Yoast shows it): there is nothing to
 * carry the keyphrase.
 */
export const keyphraseInImageAltAssessment: Assessment = {
  id: 'keyphrase-in-image-alt',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null,
  assess(analysis) {
    const found = analysis.keyphrase?.inImageAlts ?? 0;
    const count = analysis.images.length;
    if (count === 0) return { score: 3, messageId: 'keyphrase-in-image-alt.no-images' };
    if (found === 0) return { score: 4, messageId: 'keyphrase-in-image-alt.none', params: { count } };
    const share = percentage(found, count);
    if (count >= 5 && share > 75)
      return { score: 6, messageId: 'keyphrase-in-image-alt.all', params: { found, count } };
    if (count >= 5 && share < 30)
      return { score: 6, messageId: 'keyphrase-in-image-alt.few', params: { found, count } };
    return { score: 9, messageId: 'keyphrase-in-image-alt.good', params: { found, count } };
  },
};
