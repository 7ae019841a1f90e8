import type { SitePage } from '../plan/site-page.js';
import { canonicalJson, hashContent } from './content-hash.js';

/**
 * The site's pages of a batch (« maillage interne »), read once: each article's task carries only their
 * hash (hashed with the article, so changing the pages redoes the articles), and each worker thread gets
 * the list once, when it starts, rather than with every article.
 */
export interface BatchSitePages {
  /** SHA-256 of the list's canonical JSON. */
  hash: string;
  pages: readonly SitePage[];
}

const known = new Map<string, readonly SitePage[]>();

export function batchSitePagesOf(pages: readonly SitePage[]): BatchSitePages {
  return { hash: hashContent(canonicalJson(pages)), pages };
}

/** Makes the list available to the articles of this thread whose options name its hash. */
export function registerSitePages(entry: BatchSitePages): void {
  known.set(entry.hash, entry.pages);
}

/** The list a task's `sitePagesHash` names; a thread that was not given it is a bug, not a user error. */
export function registeredSitePages(hash: string): readonly SitePage[] {
  const pages = known.get(hash);
  if (!pages) throw new Error(`site pages ${hash.slice(0, 12)} were not given to this thread`);
  return pages;
}
