import type { Analysis } from '../../analyze/analysis.js';
import { stem } from '../../lang/fr/stem.js';
import type { Assessment } from '../assessment.js';

/**
 * A link whose text holds the keyphrase sends the reader, and a search engine's attention, to another
 * page about the article's very subject: the article competes with the page it links to. Yoast SEO
 * scores it « bad » too (« Competing links »), so a user who checks there sees the same thing. The link's
 * text is read word by word, by stem, with `/`, `.`, `-` and `_` as word breaks, because an address
 * shown as its own text (« psychomedia.qc.ca/psychologie/biais-cognitifs ») holds the words just as well.
 */
export const competingLinksAssessment: Assessment = {
  id: 'competing-links',
  group: 'seo',
  isApplicable: (analysis) =>
    analysis.keyphrase !== null && analysis.keyphrase.keyphrase.contentStems.length > 0,
  assess(analysis) {
    const competing = competingLinkTexts(analysis);
    if (competing.length === 0) return { score: 9, messageId: 'competing-links.good' };
    return {
      score: 2,
      messageId: 'competing-links.found',
      params: { count: competing.length, text: competing[0] },
      marks: analysis.links
        .filter((link) => link.kind !== 'anchor' && competing.includes(link.text))
        .map((link) => link.span),
    };
  },
};

/** Texts of the links (not in-page anchors) that hold every content word of the keyphrase. */
export function competingLinkTexts(analysis: Analysis): string[] {
  const wanted = analysis.keyphrase?.keyphrase.contentStems ?? [];
  if (wanted.length === 0) return [];
  const found: string[] = [];
  for (const link of analysis.links) {
    if (link.kind === 'anchor') continue;
    const stems = new Set(link.text.split(WORD_BREAK).filter(Boolean).map(stem));
    if (wanted.every((wantedStem) => stems.has(wantedStem))) found.push(link.text);
  }
  return found;
}

/** Anything but letters, digits and apostrophes separates words, in prose as in an address. */
const WORD_BREAK = /[^\p{L}\p{N}'’]+/u;
