import type { Assessment } from '../assessment.js';

/**
 * Espaces insécables, apostrophe typographique, guillemets: what French readers notice first. Not applicable
 * to a text reliably in another language: « Who are you? » is right in English, and the language check
 * already says the text is not French.
 */
export const frenchTypographyAssessment: Assessment = {
  id: 'french-typography',
  extra: true,
  group: 'language',
  isApplicable: (analysis) =>
    analysis.text.length > 0 && !(analysis.language.reliable && analysis.language.language !== 'fr'),
  assess(analysis, config) {
    const issues = analysis.typography;
    const count = issues.length;
    if (count === 0) return { score: 9, messageId: 'french-typography.good' };
    const kinds = [...new Set(issues.map((issue) => issue.kind))];
    const marks = issues.map(({ start, end }) => ({ start, end }));
    const per1000 = (count * 1000) / Math.max(1, analysis.statistics.bodyWords);
    const params = { count, kinds: kinds.join(', ') };
    if (per1000 <= config.typography.okIssuesPer1000Words)
      return { score: 6, messageId: 'french-typography.few', params, marks };
    return { score: 3, messageId: 'french-typography.many', params, marks };
  },
};
