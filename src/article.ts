import type { Root } from 'mdast';

/** The varieties of French an article can be written in. */
export const LOCALES = ['fr-FR', 'fr-CA', 'fr-BE', 'fr-CH'] as const;

/** Everything a search engine and a social network read about the page, besides the body. */
export interface ArticleMetadata {
  /** SEO title (`<title>`), at most 600 px wide in Arial 20 px. */
  title: string;
  /** The visible H1; often the title, sometimes longer. */
  h1: string;
  /** Meta description, 120–156 characters. */
  description: string;
  /** ASCII slug, hyphen-separated. */
  slug: string;
  keyphrase: string;
  /** Secondary keywords, 3–6. */
  keywords: string[];
  /** BCP 47 tag of the article (default `fr-FR`). */
  locale: string;
  /** Canonical URL, when given. */
  url?: string;
  author?: string;
  /** The author's page (absolute http(s)): JSON-LD `author.url` and Open Graph `article:author`. */
  authorUrl?: string;
  siteName?: string;
  /** The publisher's logo (absolute http(s)): JSON-LD `publisher.logo`. */
  siteLogo?: string;
  /** Publication date, ISO 8601 (`YYYY-MM-DD` or full date-time). */
  date?: string;
  /** The featured image: Open Graph, Twitter card, JSON-LD and a CMS's featured image. */
  image?: ArticleImage;
  /** The source's other front matter keys (`tags`, `categories`…), written back as they were. */
  frontMatter?: Record<string, unknown>;
  /** Words in the body (H1 to end, headings excluded). */
  wordCount: number;
  /**
   * Ids of the hard constraints the article fails (`language`, `length`…); absent or empty when it
   * meets them all. An article that fails one is a draft, not ready to publish.
   */
  constraintsFailed?: string[];
}

/** An image that stands for the article on social networks and in search results. */
export interface ArticleImage {
  /** An http(s) address, or a path (on the site, or a local file for `plume publish`). */
  url: string;
  /** Alternative text: what the image shows. */
  alt: string;
}

/** One entry of the table of contents: a heading and its anchor id. */
export interface TableOfContentsEntry {
  depth: number;
  text: string;
  id: string;
}

/**
 * A written article: the body as an mdast tree (starting with the H1, headings
 * carrying `data.id`), its metadata and its table of contents (empty when the
 * article is too short to need one).
 */
export interface Article {
  metadata: ArticleMetadata;
  tree: Root;
  tableOfContents: TableOfContentsEntry[];
}
