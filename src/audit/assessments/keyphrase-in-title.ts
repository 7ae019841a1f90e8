import { isFunctionWord } from '../../lang/fr/function-words.js';
import { normalizeWord } from '../../lang/fr/normalize-word.js';
import { tokenizeWords } from '../../lang/fr/tokenize-words.js';
import type { Assessment } from '../assessment.js';

/**
 * The exact keyphrase at the start of the SEO title is best (after function words only: « Le sommeil des
 * adolescents, … » starts with « sommeil des adolescents », as Yoast SEO counts it); anywhere is fine;
 * word forms only, weak.
 */
export const keyphraseInTitleAssessment: Assessment = {
  id: 'keyphrase-in-title',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null && analysis.metadata.title !== null,
  assess(analysis) {
    const match = analysis.keyphrase?.inTitle;
    if (!match) return { score: 2, messageId: 'keyphrase-in-title.none' };
    const before = (analysis.metadata.title ?? '').slice(0, Math.max(0, match.exactIndex));
    const opensTitle = tokenizeWords(before).every((token) => isFunctionWord(normalizeWord(token.text)));
    if (match.exact && opensTitle) return { score: 9, messageId: 'keyphrase-in-title.start' };
    if (match.exact) return { score: 6, messageId: 'keyphrase-in-title.not-start' };
    if (match.allContentWords) return { score: 6, messageId: 'keyphrase-in-title.words' };
    return { score: 2, messageId: 'keyphrase-in-title.none' };
  },
};
