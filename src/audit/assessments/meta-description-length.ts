import type { Assessment } from '../assessment.js';

/** 120–156 characters: shorter wastes the snippet, longer gets cut. */
export const metaDescriptionLengthAssessment: Assessment = {
  id: 'meta-description-length',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis, config) {
    const { description } = analysis.metadata;
    if (description === null) return { score: 1, messageId: 'meta-description-length.missing' };
    const length = [...description].length;
    const { minCharacters: min, maxCharacters: max } = config.metaDescription;
    if (length < min)
      return { score: 6, messageId: 'meta-description-length.short', params: { length, min, max } };
    if (length > max)
      return { score: 6, messageId: 'meta-description-length.long', params: { length, min, max } };
    return { score: 9, messageId: 'meta-description-length.good', params: { length, min, max } };
  },
};
