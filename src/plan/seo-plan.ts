/**
 * A piece of the source the article is made of: a whole top-level node of the
 * source tree (paragraph, list, quote, table, code…), or some sentences of a
 * paragraph too long to stay whole.
 */
export interface Passage {
  /** Index of the node in the source tree's top-level children. */
  nodeIndex: number;
  /** For part of a paragraph: its sentences, as indices into the source analysis' sentences. */
  sentences?: { start: number; end: number };
  wordCount: number;
}

export type HeadingOrigin = 'source' | 'heading-like-line' | 'generated';

/** One section of the outline: a subheading and the passages under it. */
export interface OutlineSection {
  /** 2 for H2, 3 for H3. */
  depth: number;
  heading: string;
  origin: HeadingOrigin;
  passages: Passage[];
  /** Words the section should reach (the LLM writer's budget; the offline writer keeps what the source has). */
  wordBudget: number;
}

/** What the article will be, before anything is written. */
export interface SeoPlan {
  keyphrase: string;
  /** How the keyphrase was chosen. */
  keyphraseOrigin: 'given' | 'source' | 'extracted';
  keywords: string[];
  /** SEO title, ≤ 600 px in Arial 20 px. */
  title: string;
  h1: string;
  description: string;
  slug: string;
  /** Summary bullets from the top of the source, shown as « L’essentiel ». */
  keyPoints: Passage | null;
  /** Passages before the first subheading. */
  introduction: Passage[];
  sections: OutlineSection[];
}
