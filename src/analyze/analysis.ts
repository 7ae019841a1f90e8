import type { SourceFormat } from '../document.js';
import type { LanguageGuess } from '../lang/fr/detect-language.js';
import type { TextSpan } from '../lang/fr/text-span.js';
import type { WordKind } from '../lang/fr/tokenize-words.js';
import type { TransitionMatch } from '../lang/fr/transition-words.js';
import type { TypographyIssue } from '../lang/fr/typography.js';

/**
 * Offsets in an `Analysis` are offsets into `Analysis.text`: the article's blocks
 * (headings, paragraphs, list items…) joined by blank lines. Marks in the report use them.
 */
export interface Span {
  start: number;
  end: number;
}

export interface AnalyzedWord extends TextSpan {
  kind: WordKind;
  /** Lowercase, NFC, straight apostrophe. */
  normalized: string;
  stem: string;
  syllables: number;
  isFunctionWord: boolean;
}

export interface AnalyzedSentence extends TextSpan {
  blockIndex: number;
  /** Index of the first of this sentence's words in `Analysis.words`. */
  wordStart: number;
  /** One past the index of its last word. */
  wordEnd: number;
  /** Words and numbers; elisions (« l’ ») are not counted. */
  wordCount: number;
  syllableCount: number;
  /** The first counted word, normalized; for the « three sentences in a row » check. */
  firstWord: string | null;
  transitions: TransitionMatch[];
  passive: Span | null;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'blockquote' | 'table-cell';

export interface Block extends TextSpan {
  index: number;
  kind: BlockKind;
  /** Index in the document tree's top-level children of the node that holds this block. */
  nodeIndex: number;
  /** Heading level (1–6) for headings, 0 otherwise. */
  depth: number;
  sentenceStart: number;
  sentenceEnd: number;
  wordCount: number;
}

export interface Heading extends TextSpan {
  blockIndex: number;
  depth: number;
  /** Read as a sentence by the percentage checks: whether it is in the passive voice… */
  passive?: boolean;
  /** …and whether it holds a transition word. */
  transition?: boolean;
}

/** Text between two subheadings (H2 or deeper); the first section is the text before the first subheading. */
export interface Section {
  /** Block index of the subheading that opens it; null for the text before the first subheading. */
  headingBlock: number | null;
  /** Blocks of its body (headings excluded). */
  blockStart: number;
  blockEnd: number;
  wordCount: number;
  span: Span;
  language: LanguageGuess | null;
}

export interface Link {
  url: string;
  text: string;
  kind: 'internal' | 'outbound' | 'anchor';
  span: Span;
}

export interface Image {
  url: string;
  alt: string;
}

/** How a phrase (keyphrase or synonym) occurs in a piece of text. */
export interface PhraseMatch {
  /** The phrase appears as written, up to case, apostrophes and accents-insensitive spacing. */
  exact: boolean;
  /** Offset of the exact match in the searched text, -1 when none. */
  exactIndex: number;
  /** Every content word of the phrase appears (any word form, by stem). */
  allContentWords: boolean;
  /** How many of the phrase's content words appear. */
  contentWordsFound: number;
}

export interface PhraseAnalysis {
  text: string;
  /** Normalized words of the phrase. */
  words: string[];
  /** Its content words (function words removed) and their stems. */
  contentWords: string[];
  contentStems: string[];
}

export interface KeyphraseAnalysis {
  keyphrase: PhraseAnalysis;
  synonyms: PhraseAnalysis[];
  inTitle: PhraseMatch | null;
  inDescription: PhraseMatch & { occurrences: number };
  inSlug: { contentWordsFound: number; total: number } | null;
  /** First paragraph of the body: keyphrase in one sentence, or spread over the paragraph. */
  inIntroduction: { inOneSentence: boolean; inParagraph: boolean; synonym: boolean } | null;
  /** For each H2/H3: whether it contains the keyphrase or a synonym (all content words, by stem). */
  inSubheadings: { blockIndex: number; found: boolean }[];
  /** Occurrences in the body: a sentence counts as many times as its rarest keyphrase content word. */
  bodyOccurrences: number;
  synonymOccurrences: number;
  /** Marks of the matched words in the body. */
  marks: Span[];
  inImageAlts: number;
  /**
   * Texts of the links (not in-page anchors) that hold every content word of the keyphrase, by stem, an
   * address shown as its own text read word by word (« site.fr/biais-cognitifs »): competing links.
   */
  inLinkTexts: string[];
}

export interface HeadingLikeLine extends TextSpan {
  blockIndex: number;
}

export interface Figure extends TextSpan {
  /** Canonical form for comparison: digits only with « . » for decimals, plus a normalized unit. */
  key: string;
}

export interface Facts {
  figures: Figure[];
  /** Direct quotes: the text inside « » or “ ”. */
  quotes: TextSpan[];
  /** Capitalised names (one or more capitalised words, not a mere sentence start). */
  names: TextSpan[];
}

export interface ArticleMetadata {
  title: string | null;
  titleWidth: number;
  description: string | null;
  slug: string | null;
}

export interface AnalysisStatistics {
  /** Words in the body: every block but headings (the length constraint counts these). */
  bodyWords: number;
  sentences: number;
  syllables: number;
  paragraphs: number;
  fleschReadingEase: number;
}

export interface Analysis {
  format: SourceFormat | 'article';
  text: string;
  blocks: Block[];
  sentences: AnalyzedSentence[];
  words: AnalyzedWord[];
  headings: Heading[];
  sections: Section[];
  /** Block index of the first paragraph of the body (the introduction), or null. */
  introductionBlock: number | null;
  headingLikeLines: HeadingLikeLine[];
  links: Link[];
  images: Image[];
  metadata: ArticleMetadata;
  keyphrase: KeyphraseAnalysis | null;
  language: LanguageGuess;
  typography: TypographyIssue[];
  facts: Facts;
  statistics: AnalysisStatistics;
  /** Entries of the « Sommaire » the page will show before the first H2 (none: no table of contents). */
  tableOfContents?: readonly string[];
}
