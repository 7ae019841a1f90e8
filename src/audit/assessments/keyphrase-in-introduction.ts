import type { Assessment } from '../assessment.js';
import { matchedForms } from '../matched-forms.js';

/** Readers and search engines both judge a page by its first paragraph. */
export const keyphraseInIntroductionAssessment: Assessment = {
  id: 'keyphrase-in-introduction',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null,
  assess(analysis) {
    const intro = analysis.keyphrase?.inIntroduction ?? null;
    if (intro === null) return { score: 3, messageId: 'keyphrase-in-introduction.no-paragraph' };
    const block =
      analysis.introductionBlock === null ? undefined : analysis.blocks[analysis.introductionBlock];
    const marks = block ? [{ start: block.start, end: block.end }] : [];
    const params = block ? { forms: matchedForms(analysis, block) } : {};
    if (intro.inOneSentence) return { score: 9, messageId: 'keyphrase-in-introduction.good', params };
    if (intro.inParagraph || intro.synonym)
      return { score: 6, messageId: 'keyphrase-in-introduction.spread', params, marks };
    return { score: 3, messageId: 'keyphrase-in-introduction.none', marks };
  },
};
