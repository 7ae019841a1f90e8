import type { Assessment } from '../assessment.js';

/** At least one image, each with alternative text; none is « bad », as Yoast shows it. */
export const imagesAssessment: Assessment = {
  id: 'images',
  group: 'seo',
  isApplicable: () => true,
  assess(analysis) {
    const { images } = analysis;
    if (images.length === 0) return { score: 3, messageId: 'images.none' };
    const missing = images.filter((image) => image.alt.trim().length === 0).length;
    if (missing > 0)
      return { score: 4, messageId: 'images.missing-alt', params: { missing, count: images.length } };
    return { score: 9, messageId: 'images.good', params: { count: images.length } };
  },
};
