import type { Assessment } from '../assessment.js';

/** Some image should describe the topic in its alt text, not all of them. */
export const keyphraseInImageAltAssessment: Assessment = {
  id: 'keyphrase-in-image-alt',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null && analysis.images.length > 0,
  assess(analysis) {
    const found = analysis.keyphrase?.inImageAlts ?? 0;
    const count = analysis.images.length;
    if (found === 0) return { score: 4, messageId: 'keyphrase-in-image-alt.none', params: { count } };
    if (count >= 5 && found === count)
      return { score: 6, messageId: 'keyphrase-in-image-alt.all', params: { count } };
    return { score: 9, messageId: 'keyphrase-in-image-alt.good', params: { found, count } };
  },
};
