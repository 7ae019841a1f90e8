import type { SourceFormat } from '../document.js';
import type { FetchArticle } from './fetch-article.js';
import { type ReadSourceOptions, readSource, type SourceText } from './read-source.js';

export interface ReadInputOptions extends ReadSourceOptions {
  /** Let a URL reach loopback and private networks (default: false). Ignored with `fetchArticle`. */
  allowPrivateUrls?: boolean;
  /** Fetches URL inputs (default: `createArticleFetcher`, with its protections against request forgery). */
  fetchArticle?: FetchArticle;
  signal?: AbortSignal;
}

export interface InputText extends SourceText {
  /** The address finally read, for a URL input: it resolves the page's relative links. */
  url?: string;
  /** `html-page` for a URL input: the article is extracted from the page. */
  format?: SourceFormat;
}

/** An http or https address rather than a path: `plume optimize https://…`. */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//iu.test(input);
}

/** Reads a file, standard input (`-`) or a web page (an http or https address). */
export async function readInput(input: string, options: ReadInputOptions = {}): Promise<InputText> {
  if (!isUrlInput(input)) return readSource(input, options);
  // Loaded on demand: reading a file needs none of the HTTP, DNS and decompression modules at start-up.
  const fetchArticle =
    options.fetchArticle ??
    (await import('./fetch-article.js')).createArticleFetcher({
      allowPrivateUrls: options.allowPrivateUrls === true,
    });
  const page = await fetchArticle(input, options.signal ? { signal: options.signal } : {});
  return { text: page.text, url: page.url, format: 'html-page', notes: [] };
}
