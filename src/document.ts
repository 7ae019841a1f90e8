import type { Root } from 'mdast';

/** The input formats Plume reads. `html-page` is a full page the article is extracted from. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'html-page';

/**
 * Metadata that came with the source: front matter, HTML `<head>`, or nothing.
 * Every field is optional; command-line options and the plan fill the gaps later.
 */
export interface SourceMetadata {
  /** SEO title (front matter `title`, HTML `<title>`). */
  title?: string;
  /** Meta description (front matter `description`, `<meta name="description">`). */
  description?: string;
  slug?: string;
  /** Focus keyphrase (front matter `keyphrase`, `focus_keyphrase` or `keyword`). */
  keyphrase?: string;
  /** Synonyms of the keyphrase; matched like the keyphrase, scored lower. */
  synonyms?: string[];
  /** Secondary keywords (front matter `keywords`). */
  keywords?: string[];
  /** BCP 47 language tag declared by the source (`<html lang>`, front matter `lang`). */
  lang?: string;
  /** Canonical URL of the source page, when known. */
  url?: string;
  author?: string;
  /** Publication date as written by the source (ISO 8601 when it was one). */
  date?: string;
  siteName?: string;
  /** Featured image, an address or a path (front matter `image`, `featured_image`, Hugo's `images`…). */
  image?: string;
  /** Its alternative text (front matter `image_alt`, or `alt` beside `image`). */
  imageAlt?: string;
  /**
   * The front matter's other keys (`tags`, `categories`, `draft`, `layout`…), kept as written so the
   * Markdown Plume writes still fits the site it came from.
   */
  frontMatter?: Record<string, unknown>;
}

/** A part of a page left out at ingest (navigation, comments, share buttons…), named so it is not lost silently. */
export interface RemovedContent {
  /** Why, in French: « navigation », « commentaires », « boutons de partage »… */
  reason: string;
  /** Its first words, to recognize it. */
  excerpt: string;
  words: number;
}

/**
 * One article, whatever format it came in: an mdast tree (the body, with
 * headings, paragraphs, lists, links, images) plus the metadata found with it.
 */
export interface Document {
  format: SourceFormat;
  tree: Root;
  metadata: SourceMetadata;
  /** What ingest left out of a page around the article, with why (default: nothing). */
  removed?: RemovedContent[];
}
