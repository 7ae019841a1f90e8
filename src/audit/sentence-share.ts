import type { Analysis, AnalyzedSentence, Heading } from '../analyze/analysis.js';
import { percentage } from './assessment.js';

/** The share of sentences that match, over the sentences a reader reads as Yoast SEO counts them. */
export interface SentenceShare {
  /** Body sentences that match (quotes left out), for the marks. */
  matching: AnalyzedSentence[];
  /** How many counted sentences match, headings and « Sommaire » entries included. */
  count: number;
  /** How many sentences are counted. */
  total: number;
  percent: number;
}

/**
 * The percentage checks (long sentences, passive voice, transition words) count what the reader reads,
 * the way Yoast SEO counts it, so that the percentages agree:
 * - quotations (blockquotes) are someone else's words: neither counted nor flagged;
 * - each subheading (H2–H6) is a sentence, and when the page gets a « Sommaire », so are its title and
 *   each of its entries (the H2 and H3 again): a passive heading counts twice, as a reader sees it twice.
 * The H1 is left out: a CMS shows the title apart from the content.
 */
export function sentenceShare(
  analysis: Analysis,
  matches: (sentence: AnalyzedSentence) => boolean,
  headingMatches: (heading: Heading, wordCount: number) => boolean,
): SentenceShare {
  const read = analysis.sentences.filter(
    (sentence) => analysis.blocks[sentence.blockIndex]?.kind !== 'blockquote',
  );
  const matching = read.filter(matches);
  const subheadings = analysis.headings.filter((heading) => heading.depth >= 2);
  const entries = new Set(analysis.tableOfContents ?? []);
  const lines = [
    ...subheadings,
    ...subheadings.filter((heading) => heading.depth <= 3 && entries.has(heading.text)),
  ];
  const wordsOf = (heading: Heading) => analysis.blocks[heading.blockIndex]?.wordCount ?? 0;
  const count = matching.length + lines.filter((heading) => headingMatches(heading, wordsOf(heading))).length;
  // The « Sommaire » title itself: one short sentence.
  const total = read.length + lines.length + (entries.size > 0 ? 1 : 0);
  return { matching, count, total, percent: percentage(count, total) };
}
