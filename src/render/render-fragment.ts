import type { ElementContent } from 'hast';
import type { Article } from '../article.js';
import { renderBody } from './render-html.js';
import { stringifyHtml } from './serialize-html.js';

/** Options of {@link renderHtmlFragment}. */
export interface RenderFragmentOptions {
  /** Keep the « Sommaire » `<nav>` before the first `<h2>` (default: `true`). */
  tableOfContents?: boolean;
}

/**
 * The article body as an HTML fragment for a CMS (WordPress, Ghost, a paste): no document, no head, no
 * `<h1>` (the CMS prints the title), headings with their ids. Sanitized like the HTML document.
 */
export function renderHtmlFragment(article: Article, options: RenderFragmentOptions = {}): string {
  const nodes = renderBody(article, options.tableOfContents ?? true);
  const children: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'h1') continue;
    // No blank text where the H1 was, nor at the start.
    if (
      node.type === 'text' &&
      node.value.trim() === '' &&
      (children.length === 0 || children.at(-1)?.type === 'text')
    )
      continue;
    children.push(node);
  }
  // No doctype in a fragment: `upperDoctype` changes nothing here.
  return `${stringifyHtml({ type: 'root', children }).trim()}\n`;
}
