import type { Article } from '../article.js';

/** Static site generators Plume writes Markdown for; `plain` is Plume's own front matter. */
export const MARKDOWN_TARGETS = ['plain', 'hugo', 'jekyll', 'astro', 'eleventy'] as const;
export type MarkdownTarget = (typeof MARKDOWN_TARGETS)[number];

/**
 * The file name each generator expects: Jekyll's posts are `YYYY-MM-DD-slug.md` (`_posts/`), the others
 * take the slug (`content/posts/` for Hugo, `src/content/blog/` for Astro, any folder for Eleventy).
 */
export function markdownFileName(article: Article, target: MarkdownTarget = 'plain'): string {
  const { slug, date } = article.metadata;
  if (target === 'jekyll' && date) return `${date.slice(0, 10)}-${slug}.md`;
  return `${slug}.md`;
}
