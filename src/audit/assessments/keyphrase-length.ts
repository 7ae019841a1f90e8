import type { Assessment } from '../assessment.js';

/** One to four content words: longer phrases are rarely typed as such. */
export const keyphraseLengthAssessment: Assessment = {
  id: 'keyphrase-length',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis, config) {
    if (analysis.keyphrase === null) return { score: 1, messageId: 'keyphrase-length.missing' };
    const count = analysis.keyphrase.keyphrase.contentWords.length;
    const { maxContentWords, tooLongContentWords } = config.keyphraseLength;
    if (count === 0) return { score: 1, messageId: 'keyphrase-length.missing' };
    if (count <= maxContentWords) return { score: 9, messageId: 'keyphrase-length.good', params: { count } };
    if (count <= tooLongContentWords)
      return { score: 6, messageId: 'keyphrase-length.long', params: { count, max: maxContentWords } };
    return { score: 3, messageId: 'keyphrase-length.too-long', params: { count, max: maxContentWords } };
  },
};
