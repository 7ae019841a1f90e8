/**
 * A page of the user's own site, which an article may link to (« maillage interne »). Its title or
 * keyphrase says what words of the article may carry the link; nothing of the page is written into the
 * article but its address.
 */
export interface SitePage {
  /** An http(s) address, or a path from the site's root (`/blog/mon-article/`). */
  url: string;
  /** The page's title; for a sitemap entry, the words of the address's last segment. */
  title: string;
  /** The page's own focus keyphrase, preferred over the title's phrases when the article uses it. */
  keyphrase?: string;
  /** True when the title was read from the address (a sitemap gives no titles). */
  titleFromAddress?: boolean;
}

/** A link the writer added to a site page: its address, the page's title and the article's words that carry it. */
export interface InternalLink {
  url: string;
  title: string;
  anchor: string;
}

/**
 * The site's address read from its pages, when every absolute address shares one origin: a user who gives
 * the pages without `--url`/`site.url` still sees the links Plume adds counted as internal.
 */
export function siteOriginOfPages(pages: readonly SitePage[] | undefined): string | null {
  let origin: string | null = null;
  for (const page of pages ?? []) {
    if (!/^https?:\/\//i.test(page.url)) continue;
    let pageOrigin: string;
    try {
      pageOrigin = new URL(page.url).origin;
    } catch {
      continue;
    }
    if (origin !== null && origin !== pageOrigin) return null;
    origin = pageOrigin;
  }
  return origin;
}
