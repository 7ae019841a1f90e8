import type { Assessment } from '../assessment.js';

/**
 * A link whose text holds the keyphrase sends the reader, and a search engine's attention, to another
 * page about the article's very subject: the article competes with the page it links to. Yoast SEO
 * scores it « bad » too (« Competing links »), so a user who checks there sees the same thing. The
 * analysis matches each link's text by stem, an address shown as its own text word by word.
 */
export const competingLinksAssessment: Assessment = {
  id: 'competing-links',
  group: 'seo',
  isApplicable: (analysis) => analysis.keyphrase !== null,
  assess(analysis) {
    const competing = analysis.keyphrase?.inLinkTexts ?? [];
    if (competing.length === 0) return { score: 9, messageId: 'competing-links.good' };
    const texts = new Set(competing);
    return {
      score: 2,
      messageId: 'competing-links.found',
      params: { count: competing.length, text: competing[0] },
      marks: analysis.links
        .filter((link) => link.kind !== 'anchor' && texts.has(link.text))
        .map((link) => link.span),
    };
  },
};
