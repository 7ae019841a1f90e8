import type { Assessment } from '../assessment.js';

/** Citing sources helps readers and trust; the offline writer cannot add any, so absence is only « à améliorer ». */
export const outboundLinksAssessment: Assessment = {
  id: 'outbound-links',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis) {
    const count = analysis.links.filter((link) => link.kind === 'outbound').length;
    if (count === 0) return { score: 6, messageId: 'outbound-links.none' };
    return { score: 9, messageId: 'outbound-links.good', params: { count } };
  },
};
