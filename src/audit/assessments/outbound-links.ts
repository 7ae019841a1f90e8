import type { Assessment } from '../assessment.js';

/** Citing sources helps readers and trust. None is « bad », as Yoast shows it, even if the writer cannot add one. */
export const outboundLinksAssessment: Assessment = {
  id: 'outbound-links',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis) {
    const count = analysis.links.filter((link) => link.kind === 'outbound').length;
    if (count === 0) return { score: 3, messageId: 'outbound-links.none' };
    return { score: 9, messageId: 'outbound-links.good', params: { count } };
  },
};
