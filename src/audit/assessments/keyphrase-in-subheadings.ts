import { type Assessment, percentage } from '../assessment.js';

/**
 * 30–75 % of H2/H3 with the keyphrase or a synonym: present, without stuffing. Outside that range is bad,
 * as Yoast shows it; a text longer than the subheading distribution allows and without any H2/H3 is worse.
 */
export const keyphraseInSubheadingsAssessment: Assessment = {
  id: 'keyphrase-in-subheadings',
  group: 'seo',
  isApplicable: (analysis, config) =>
    analysis.keyphrase !== null &&
    (analysis.keyphrase.inSubheadings.length > 0 ||
      analysis.statistics.bodyWords > config.subheadingDistribution.maxWords),
  assess(analysis, config) {
    const subheadings = analysis.keyphrase?.inSubheadings ?? [];
    if (subheadings.length === 0)
      return {
        score: 2,
        messageId: 'keyphrase-in-subheadings.no-subheadings',
        params: { words: analysis.statistics.bodyWords, max: config.subheadingDistribution.maxWords },
      };
    const found = subheadings.filter((entry) => entry.found).length;
    const share = percentage(found, subheadings.length);
    const { minPercent: min, maxPercent: max } = config.keyphraseInSubheadings;
    const params = { found, total: subheadings.length, percent: share, min, max };
    const marks = subheadings
      .filter((entry) => entry.found)
      .map((entry) => analysis.blocks[entry.blockIndex])
      .filter((block) => block !== undefined)
      .map((block) => ({ start: block.start, end: block.end }));
    if (found === 0) return { score: 3, messageId: 'keyphrase-in-subheadings.none', params };
    // A single H2/H3 that carries the keyphrase is right, whatever the percentage says.
    if (subheadings.length === 1)
      return { score: 9, messageId: 'keyphrase-in-subheadings.good', params, marks };
    if (share < min) return { score: 3, messageId: 'keyphrase-in-subheadings.few', params, marks };
    if (share > max) return { score: 3, messageId: 'keyphrase-in-subheadings.many', params, marks };
    return { score: 9, messageId: 'keyphrase-in-subheadings.good', params, marks };
  },
};
