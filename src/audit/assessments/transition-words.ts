import type { Assessment } from '../assessment.js';
import { sentenceShare } from '../sentence-share.js';

/** Transition words in at least 30 % of sentences make the reasoning easy to follow. */
export const transitionWordsAssessment: Assessment = {
  id: 'transition-words',
  group: 'readability',
  isApplicable: (analysis, config) => analysis.statistics.bodyWords >= config.transitionWords.minWords,
  assess(analysis, config) {
    const { minPercent, okPercent } = config.transitionWords;
    const {
      matching: withTransition,
      count,
      percent: share,
    } = sentenceShare(
      analysis,
      (sentence) => sentence.transitions.length > 0,
      (heading) => heading.transition === true,
    );
    const params = { percent: share, min: minPercent, count };
    const marks = withTransition.flatMap((sentence) =>
      sentence.transitions.map(({ start, end }) => ({ start, end })),
    );
    if (share >= minPercent) return { score: 9, messageId: 'transition-words.good', params, marks };
    if (share >= okPercent) return { score: 6, messageId: 'transition-words.ok', params, marks };
    return { score: 3, messageId: 'transition-words.bad', params, marks };
  },
};
