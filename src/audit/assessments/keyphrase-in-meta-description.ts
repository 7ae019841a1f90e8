import type { Assessment } from '../assessment.js';

/** Once or twice: Google bolds it in the snippet; more reads as stuffing. */
export const keyphraseInMetaDescriptionAssessment: Assessment = {
  id: 'keyphrase-in-meta-description',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null && analysis.metadata.description !== null,
  assess(analysis, config) {
    const occurrences = analysis.keyphrase?.inDescription.occurrences ?? 0;
    const max = config.metaDescription.maxKeyphraseOccurrences;
    if (occurrences === 0) return { score: 3, messageId: 'keyphrase-in-meta-description.none' };
    if (occurrences > max)
      return {
        score: 3,
        messageId: 'keyphrase-in-meta-description.too-many',
        params: { count: occurrences, max },
      };
    return { score: 9, messageId: 'keyphrase-in-meta-description.good', params: { count: occurrences } };
  },
};
