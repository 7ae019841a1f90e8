import type { Assessment } from '../assessment.js';

/** Headings go down one level at a time (H2 then H3, never H2 then H4): screen readers rely on it. */
export const headingHierarchyAssessment: Assessment = {
  id: 'heading-hierarchy',
  extra: true,
  group: 'seo',
  isApplicable: (analysis) => analysis.headings.length > 0,
  assess(analysis) {
    const skipped = [];
    let previous = 1;
    for (const heading of analysis.headings) {
      if (heading.depth > previous + 1) skipped.push(heading);
      previous = heading.depth;
    }
    if (skipped.length === 0) return { score: 9, messageId: 'heading-hierarchy.good' };
    const first = skipped[0] as (typeof skipped)[number];
    return {
      score: 3,
      messageId: 'heading-hierarchy.skipped',
      params: { count: skipped.length, heading: first.text, depth: first.depth },
      marks: skipped.map((heading) => ({ start: heading.start, end: heading.end })),
    };
  },
};
