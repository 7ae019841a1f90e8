import type { Analysis, Span } from '../../analyze/analysis.js';
import type { Assessment } from '../assessment.js';

/** Three sentences in a row opening with the same word read as monotonous. */
export const consecutiveSentencesAssessment: Assessment = {
  id: 'consecutive-sentences',
  group: 'readability',
  isApplicable: (analysis) => analysis.sentences.length >= 3,
  assess(analysis, config) {
    const { maxRun } = config.consecutiveSentences;
    const marks: Span[] = [];
    let runs = 0;
    let firstRunWord = '';
    let runStart = 0;
    const sentences = analysis.sentences;
    for (let index = 1; index <= sentences.length; index += 1) {
      const current = sentences[index];
      const previous = sentences[index - 1];
      const continues =
        current !== undefined &&
        previous !== undefined &&
        current.firstWord !== null &&
        current.firstWord === previous.firstWord &&
        readInARow(analysis, previous.blockIndex, current.blockIndex);
      if (continues) continue;
      const length = index - runStart;
      if (length > maxRun) {
        runs += 1;
        if (firstRunWord === '') firstRunWord = sentences[runStart]?.firstWord ?? '';
        for (let at = runStart; at < index; at += 1) {
          const sentence = sentences[at];
          if (sentence) marks.push({ start: sentence.start, end: sentence.end });
        }
      }
      runStart = index;
    }
    if (runs === 0) return { score: 9, messageId: 'consecutive-sentences.good' };
    return {
      score: 3,
      messageId: 'consecutive-sentences.bad',
      params: { count: runs, word: firstRunWord },
      marks,
    };
  },
};

const PROSE: ReadonlySet<string> = new Set(['paragraph', 'blockquote']);

/**
 * Sentences are read in a row within a block, and from one paragraph to the next (as Yoast counts
 * them), but not across a heading or between the items of a list.
 */
function readInARow(analysis: Analysis, previousBlock: number, currentBlock: number): boolean {
  if (previousBlock === currentBlock) return true;
  if (currentBlock !== previousBlock + 1) return false;
  const kinds = [analysis.blocks[previousBlock]?.kind, analysis.blocks[currentBlock]?.kind];
  return kinds.every((kind) => kind !== undefined && PROSE.has(kind));
}
