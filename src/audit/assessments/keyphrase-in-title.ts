import type { Assessment } from '../assessment.js';

/** The exact keyphrase at the start of the SEO title is best; anywhere is fine; word forms only, weak. */
export const keyphraseInTitleAssessment: Assessment = {
  id: 'keyphrase-in-title',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null && analysis.metadata.title !== null,
  assess(analysis) {
    const match = analysis.keyphrase?.inTitle;
    if (!match) return { score: 2, messageId: 'keyphrase-in-title.none' };
    if (match.exact && match.exactIndex <= 1) return { score: 9, messageId: 'keyphrase-in-title.start' };
    if (match.exact) return { score: 6, messageId: 'keyphrase-in-title.not-start' };
    if (match.allContentWords) return { score: 6, messageId: 'keyphrase-in-title.words' };
    return { score: 2, messageId: 'keyphrase-in-title.none' };
  },
};
