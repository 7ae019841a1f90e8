import type { Assessment } from '../assessment.js';

/** Links to the site's own pages spread authority and keep readers; none is « bad », as Yoast shows it. */
export const internalLinksAssessment: Assessment = {
  id: 'internal-links',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis) {
    const count = analysis.links.filter((link) => link.kind === 'internal').length;
    if (count === 0) return { score: 3, messageId: 'internal-links.none' };
    return { score: 9, messageId: 'internal-links.good', params: { count } };
  },
};
