import type { SourceFormat } from '../document.js';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdx', '.mdown', '.mkd']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);

/** Leading whitespace and HTML comments, skipped before looking at the first tag. */
const LEADING_NOISE = /^(?:\s|<!--[\s\S]*?-->)*/;
const PAGE_START = /^<(?:!doctype\s+html|html|head)[\s>]/i;
const BODY_TAG = /<body[\s>]/i;
/** Block tags an HTML fragment (a CMS export, a copied article body) typically starts with. */
const HTML_BLOCK_START =
  /^<(?:p|h[1-6]|div|article|section|main|header|ul|ol|blockquote|figure|table|pre|hr)[\s/>]/i;

const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const ATX_HEADING = /^#{1,6}[ \t]+\S/m;
const STRONG_EMPHASIS = /\*\*[^*\n]+\*\*/;
const INLINE_LINK = /\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"\n]*")?\)/;
const FENCED_CODE = /^```/m;

/**
 * Guesses the format of a source: by file extension first, else by content. HTML files are split
 * into full pages (an article is extracted from them) and fragments (taken whole) by content.
 * Text is the fallback: it is never misread, only less structured.
 */
export function detectFormat(text: string, fileName?: string): SourceFormat {
  const extension = fileName ? extensionOf(fileName) : '';
  if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  if (TEXT_EXTENSIONS.has(extension)) return 'text';
  if (HTML_EXTENSIONS.has(extension)) return isHtmlPage(text) ? 'html-page' : 'html';

  const body = text.replace(/^\uFEFF/, '');
  if (isHtmlPage(body)) return 'html-page';
  const start = body.replace(LEADING_NOISE, '');
  // Markdown may open with an HTML block (a centred logo); its headings give it away.
  if (HTML_BLOCK_START.test(start) && !ATX_HEADING.test(body)) return 'html';
  if (looksLikeMarkdown(body)) return 'markdown';
  return 'text';
}

function isHtmlPage(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').replace(LEADING_NOISE, '');
  if (PAGE_START.test(start)) return true;
  // A page saved without `<html>` still has a `<body>`; only look for it when the text opens with a tag.
  return start.startsWith('<') && BODY_TAG.test(start);
}

function looksLikeMarkdown(text: string): boolean {
  return (
    FRONT_MATTER.test(text) ||
    ATX_HEADING.test(text) ||
    STRONG_EMPHASIS.test(text) ||
    INLINE_LINK.test(text) ||
    FENCED_CODE.test(text)
  );
}

function extensionOf(fileName: string): string {
  const baseName = fileName.split(/[\\/]/).pop() ?? '';
  const dot = baseName.lastIndexOf('.');
  return dot > 0 ? baseName.slice(dot).toLowerCase() : '';
}
