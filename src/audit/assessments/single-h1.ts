import type { Assessment } from '../assessment.js';

/** One H1 per page: the article's title. Without one, the CMS usually prints the title as H1. */
export const singleH1Assessment: Assessment = {
  id: 'single-h1',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis) {
    const h1s = analysis.headings.filter((heading) => heading.depth === 1);
    // 8, not 9: one H1 is the norm, not an achievement, and Yoast scores it 8.
    if (h1s.length === 1) return { score: 8, messageId: 'single-h1.good' };
    if (h1s.length === 0) return { score: 6, messageId: 'single-h1.none' };
    return {
      score: 2,
      messageId: 'single-h1.many',
      params: { count: h1s.length },
      marks: h1s.slice(1).map((heading) => ({ start: heading.start, end: heading.end })),
    };
  },
};
