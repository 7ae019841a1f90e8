import { fleschBand } from '../../lang/fr/flesch-reading-ease.js';
import type { Assessment } from '../assessment.js';

/** Kandel & Moles' French form of Flesch: 60 and above reads easily, under 50 is hard work. */
export const fleschReadingEaseAssessment: Assessment = {
  id: 'flesch-reading-ease',
  extra: true,
  group: 'readability',
  isApplicable: (analysis) => analysis.statistics.sentences > 0 && analysis.statistics.bodyWords >= 50,
  assess(analysis, config) {
    const score = Math.round(analysis.statistics.fleschReadingEase * 10) / 10;
    const band = fleschBand(score);
    const params = { score, band };
    if (score >= config.fleschReadingEase.good)
      return { score: 9, messageId: 'flesch-reading-ease.good', params };
    if (score >= config.fleschReadingEase.ok)
      return { score: 6, messageId: 'flesch-reading-ease.ok', params };
    return { score: 3, messageId: 'flesch-reading-ease.bad', params };
  },
};
