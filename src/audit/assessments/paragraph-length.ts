import type { Assessment } from '../assessment.js';

/** Paragraphs of at most 150 words: long blocks lose readers on screens. */
export const paragraphLengthAssessment: Assessment = {
  id: 'paragraph-length',
  group: 'readability',
  isApplicable: (analysis) => analysis.statistics.paragraphs > 0,
  assess(analysis, config) {
    const { maxWords, okWords } = config.paragraphLength;
    const paragraphs = analysis.blocks.filter(
      (block) => block.kind === 'paragraph' || block.kind === 'blockquote',
    );
    const long = paragraphs.filter((block) => block.wordCount > maxWords);
    const marks = long.map((block) => ({ start: block.start, end: block.end }));
    if (long.length === 0) return { score: 9, messageId: 'paragraph-length.good', params: { max: maxWords } };
    const longest = long.reduce((most, block) => Math.max(most, block.wordCount), 0);
    const params = { count: long.length, max: maxWords, longest };
    if (longest <= okWords) return { score: 6, messageId: 'paragraph-length.ok', params, marks };
    return { score: 3, messageId: 'paragraph-length.bad', params, marks };
  },
};
