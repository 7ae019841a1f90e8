import type { Assessment } from '../assessment.js';

/** Google cuts titles past about 600 px of Arial 20 px. */
export const titleWidthAssessment: Assessment = {
  id: 'title-width',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis, config) {
    const { title, titleWidth } = analysis.metadata;
    if (title === null) return { score: 1, messageId: 'title-width.missing' };
    const width = Math.round(titleWidth);
    const { maxPixels, minPixels } = config.titleWidth;
    if (width > maxPixels)
      return { score: 3, messageId: 'title-width.too-wide', params: { width, max: maxPixels } };
    if (width < minPixels)
      return { score: 6, messageId: 'title-width.short', params: { width, max: maxPixels } };
    return { score: 9, messageId: 'title-width.good', params: { width, max: maxPixels } };
  },
};
