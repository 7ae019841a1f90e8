import { type Assessment, percentage } from '../assessment.js';

/** 30–75 % of H2/H3 with the keyphrase or a synonym: present, without stuffing. */
export const keyphraseInSubheadingsAssessment: Assessment = {
  id: 'keyphrase-in-subheadings',
  group: 'seo',
  isApplicable: (analysis) =>
    analysis.keyphrase !== null && (analysis.keyphrase.inSubheadings.length ?? 0) > 0,
  assess(analysis, config) {
    const subheadings = analysis.keyphrase?.inSubheadings ?? [];
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
    if (share < min) return { score: 6, messageId: 'keyphrase-in-subheadings.few', params, marks };
    if (share > max) return { score: 4, messageId: 'keyphrase-in-subheadings.many', params, marks };
    return { score: 9, messageId: 'keyphrase-in-subheadings.good', params, marks };
  },
};
