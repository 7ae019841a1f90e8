import { normalizeWord } from '../../lang/fr/normalize-word.js';
import type { Assessment } from '../assessment.js';

/** Two identical headings confuse the outline and the table of contents. */
export const duplicateHeadingsAssessment: Assessment = {
  id: 'duplicate-headings',
  extra: true,
  group: 'seo',
  isApplicable: (analysis) => analysis.headings.length > 1,
  assess(analysis) {
    const seen = new Set<string>();
    const duplicates = analysis.headings.filter((heading) => {
      const key = normalizeWord(heading.text)
        .replace(/[\s\p{P}]+/gu, ' ')
        .trim();
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    if (duplicates.length === 0) return { score: 9, messageId: 'duplicate-headings.good' };
    return {
      score: 3,
      messageId: 'duplicate-headings.found',
      params: { count: duplicates.length, heading: (duplicates[0] as (typeof duplicates)[number]).text },
      marks: duplicates.map((heading) => ({ start: heading.start, end: heading.end })),
    };
  },
};
