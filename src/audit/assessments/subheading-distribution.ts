import type { Assessment } from '../assessment.js';

/** No more than 300 words without a subheading. */
export const subheadingDistributionAssessment: Assessment = {
  id: 'subheading-distribution',
  group: 'readability',
  isApplicable: (analysis) => analysis.statistics.bodyWords > 0,
  assess(analysis, config) {
    const { maxWords, okWords } = config.subheadingDistribution;
    const hasSubheadings = analysis.headings.some((heading) => heading.depth >= 2);
    const words = analysis.statistics.bodyWords;
    if (!hasSubheadings) {
      if (words <= maxWords)
        return { score: 9, messageId: 'subheading-distribution.short-text', params: { max: maxWords } };
      return { score: 2, messageId: 'subheading-distribution.none', params: { words, max: maxWords } };
    }
    const long = analysis.sections.filter((section) => section.wordCount > maxWords);
    const marks = long.map((section) => section.span);
    if (long.length === 0)
      return { score: 9, messageId: 'subheading-distribution.good', params: { max: maxWords } };
    const longest = long.reduce((most, section) => Math.max(most, section.wordCount), 0);
    const params = { count: long.length, max: maxWords, longest };
    if (longest <= okWords) return { score: 6, messageId: 'subheading-distribution.ok', params, marks };
    return { score: 3, messageId: 'subheading-distribution.bad', params, marks };
  },
};
