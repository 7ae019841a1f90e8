import type { Assessment } from '../assessment.js';

/** The keyphrase words in the URL slug, accents folded. */
export const keyphraseInSlugAssessment: Assessment = {
  id: 'keyphrase-in-slug',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null,
  assess(analysis) {
    const inSlug = analysis.keyphrase?.inSlug ?? null;
    if (inSlug === null) return { score: 3, messageId: 'keyphrase-in-slug.missing' };
    if (inSlug.total > 0 && inSlug.contentWordsFound === inSlug.total)
      return { score: 9, messageId: 'keyphrase-in-slug.good' };
    if (inSlug.contentWordsFound * 2 >= inSlug.total && inSlug.contentWordsFound > 0)
      return {
        score: 6,
        messageId: 'keyphrase-in-slug.partial',
        params: { found: inSlug.contentWordsFound, total: inSlug.total },
      };
    return { score: 3, messageId: 'keyphrase-in-slug.none' };
  },
};
