import type { Assessment } from '../assessment.js';
import { sentenceShare } from '../sentence-share.js';

/** Passive sentences in at most 10 % of the text: the active voice says who does what. */
export const passiveVoiceAssessment: Assessment = {
  id: 'passive-voice',
  group: 'readability',
  isApplicable: (analysis) => analysis.sentences.length > 0,
  assess(analysis, config) {
    const { maxPercent, okPercent } = config.passiveVoice;
    const {
      matching: passive,
      count,
      percent: share,
    } = sentenceShare(
      analysis,
      (sentence) => sentence.passive !== null,
      (heading) => heading.passive === true,
    );
    const params = { percent: share, max: maxPercent, count };
    const marks = passive.map((sentence) => ({ start: sentence.start, end: sentence.end }));
    if (share <= maxPercent) return { score: 9, messageId: 'passive-voice.good', params, marks };
    if (share <= okPercent) return { score: 6, messageId: 'passive-voice.ok', params, marks };
    return { score: 3, messageId: 'passive-voice.bad', params, marks };
  },
};
