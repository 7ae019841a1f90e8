import type { WriterStats } from '../write/writer.js';

/**
 * The options a batch applies to every article. They are part of each
 * article's content hash: changing one redoes the batch. The keyphrase, title,
 * description, slug and URL are per article, so a batch has none of them.
 */
export interface BatchArticleOptions {
  /** Minimum words of the body (default in the CLI: 700). */
  minWords: number;
  /** fr-FR, fr-CA, fr-BE or fr-CH. */
  locale: string;
  /** Site name for Open Graph and JSON-LD (default: the source's). */
  siteName?: string;
  /** Author for JSON-LD and Open Graph (default: the source's). */
  author?: string;
  /** Author when neither `author` nor the source names one (the configuration's `site.author`). */
  defaultAuthor?: string;
  /** Image when the source names none (the configuration's `site.image`). */
  defaultImage?: string;
  /** Publication date YYYY-MM-DD (default: the source's, else `ArticleTask.defaultDate`). */
  date?: string;
  /** Table of contents for articles with 4 or more H2. */
  tableOfContents: boolean;
  /** FAQ structured data from question headings. */
  faq: boolean;
  /**
   * Hash of the site's pages the articles link to (`--site-pages`, `site.pages`; see `BatchSitePages`):
   * the list itself is given to each thread once, not copied into every task.
   */
  sitePagesHash?: string;
}

/** One article to optimize: plain data, so it crosses a worker thread or a Redis job as is. */
export interface ArticleTask {
  /** The input as shown to people (a path relative to the working directory); its extension guides format detection. */
  fileName: string;
  /** The decoded source text. */
  text: string;
  options: BatchArticleOptions;
  /**
   * Date used when neither `options.date` nor the source gives one: the day the
   * batch started. Not hashed, so a batch resumed the next day does not redo everything.
   */
  defaultDate: string;
}

/** What optimizing one article gives back: the three files and what the summary shows. */
export interface ArticleOutcome {
  slug: string;
  markdown: string;
  html: string;
  /** `<slug>.report.json`, as `plume optimize` writes it. */
  reportJson: string;
  /** True when every hard constraint holds and the writer was not degraded to offline work. */
  passed: boolean;
  /** Ids of the hard constraints that failed (language, length, subheadings, fidelity, metadata), and `degraded`. */
  failedConstraints: string[];
  /** Words of the body, headings excluded. */
  words: number;
  seoScore: number;
  readabilityScore: number;
  /** `offline`, or `provider:model` for the LLM writer. */
  writer: string;
  writerStats: WriterStats;
}

/** One output a worker thread wrote in the output folder under a temporary name, and its SHA-256. */
export interface StagedFile {
  /** A temporary file name in the output folder (`TEMPORARY_FILE`: a killed run's leftovers are removed). */
  name: string;
  sha256: string;
}

/**
 * An article whose three files a worker thread already wrote and hashed: the main thread only
 * renames them (`.md`, `.html`, `.report.json`, in this order) to their final names.
 */
export interface StagedArticleOutcome extends Omit<ArticleOutcome, 'markdown' | 'html' | 'reportJson'> {
  staged: StagedFile[];
}

/** The part of an error that crosses a thread or a queue: enough to rebuild `InputError` and `Llm*` errors. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  retryable?: boolean;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  const retryable = (error as { retryable?: unknown }).retryable;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof retryable === 'boolean' ? { retryable } : {}),
  };
}

/** An `Error` with the same `name`, `message`, `code` and `retryable`: `InputError.isInstance` and friends match it. */
export function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.code !== undefined) Object.assign(error, { code: serialized.code });
  if (serialized.retryable !== undefined) Object.assign(error, { retryable: serialized.retryable });
  return error;
}
