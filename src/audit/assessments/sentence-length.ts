import type { Assessment } from '../assessment.js';
import { sentenceShare } from '../sentence-share.js';

/** Sentences over 20 words in at most a quarter of the text. */
export const sentenceLengthAssessment: Assessment = {
  id: 'sentence-length',
  group: 'readability',
  isApplicable: (analysis) => analysis.sentences.length > 0,
  assess(analysis, config) {
    const { maxWords, maxPercent, okPercent } = config.sentenceLength;
    const {
      matching: long,
      count,
      percent: share,
    } = sentenceShare(
      analysis,
      (sentence) => sentence.wordCount > maxWords,
      (_heading, wordCount) => wordCount > maxWords,
    );
    const params = { percent: share, max: maxPercent, words: maxWords, count };
    const marks = long.map((sentence) => ({ start: sentence.start, end: sentence.end }));
    if (share <= maxPercent) return { score: 9, messageId: 'sentence-length.good', params, marks };
    if (share <= okPercent) return { score: 6, messageId: 'sentence-length.ok', params, marks };
    return { score: 3, messageId: 'sentence-length.bad', params, marks };
  },
};
