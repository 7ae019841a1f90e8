/**
 * The « Aperçu » tab: the article's HTML rebuilt from an allowlist in a sandboxed iframe. Article text
 * never goes through `innerHTML`.
 */

import { element } from './dom.js';
import { elements } from './page.js';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Elements an article body may use. Anything else is dropped with its content. */
const SAFE_ELEMENTS = new Set([
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'li',
  'mark',
  'nav',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
]);

/** Attributes kept (besides `aria-*`). Event handlers, `style`, `srcset`, `target`… are all dropped. */
const SAFE_ATTRIBUTES = new Set([
  'alt',
  'checked',
  'cite',
  'class',
  'colspan',
  'datetime',
  'dir',
  'disabled',
  'height',
  'href',
  'id',
  'lang',
  'reversed',
  'role',
  'rowspan',
  'scope',
  'src',
  'start',
  'title',
  'type',
  'width',
]);

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const STYLE_ELEMENTS = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const SAFE_IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
/**
 * The address of a `srcdoc` document. Its base URL is the page's, so `#id` would load the page itself
 * in the frame (refused: the page may not be framed); `about:srcdoc#id` only scrolls the frame.
 */
const FRAME_DOCUMENT_URL = 'about:srcdoc';

/**
 * Shows the `<article>` of the HTML document in the sandboxed iframe. The article is parsed inertly
 * (DOMParser runs nothing) and copied node by node into a new document, keeping only allowlisted
 * elements and attributes and safe URLs; the iframe has `sandbox=""` (no scripts, forms, popups or
 * navigation of the page) and inherits the page's CSP. Three locks: any one of them stops a script.
 */
export function renderPreview(html, locale) {
  // Style elements are never kept; dropped before parsing because Chromium reports them as CSP
  // violations even in an inert DOMParser document.
  const source = new DOMParser().parseFromString(html.replace(STYLE_ELEMENTS, ''), 'text/html');
  const article = source.querySelector('article') ?? source.body;
  const preview = document.implementation.createHTMLDocument('Aperçu de l’article');
  const language = source.documentElement.getAttribute('lang') || locale || 'fr';
  preview.documentElement.setAttribute('lang', language);
  const charset = preview.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const stylesheet = preview.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = new URL('app.css', document.baseURI).href;
  preview.head.prepend(charset);
  preview.head.append(stylesheet);
  preview.body.className = 'article-preview';
  const main = preview.createElement('main');
  const copy = article ? copySafeNode(preview, article) : null;
  if (copy) main.append(copy);
  preview.body.append(main);
  // A fresh iframe each time, sandboxed before it gets its document: a reused one loaded while its
  // tab was hidden stays blank in Chromium.
  const frame = element('iframe', {
    className: 'preview-frame',
    title: 'Aperçu de l’article',
    id: 'preview-frame',
  });
  frame.setAttribute('sandbox', '');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.srcdoc = `<!DOCTYPE html>\n${preview.documentElement.outerHTML}`;
  elements.previewFrame.replaceWith(frame);
  elements.previewFrame = frame;
}

/** A copy of `node` owned by `target`, with only what an article needs; null when dropped. */
function copySafeNode(target, node) {
  if (node.nodeType === Node.TEXT_NODE) return target.createTextNode(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const name = node.localName;
  if (node.namespaceURI !== HTML_NAMESPACE) return null;
  // The body stands in for a document without `<article>`: copy its children into a `<div>`.
  const tagName = name === 'body' ? 'div' : name;
  if (!SAFE_ELEMENTS.has(tagName)) return null;
  if (tagName === 'input' && node.getAttribute('type') !== 'checkbox') return null;
  const copy = target.createElement(tagName);
  for (const attribute of node.attributes) {
    const attributeName = attribute.name.toLowerCase();
    if (!SAFE_ATTRIBUTES.has(attributeName) && !attributeName.startsWith('aria-')) continue;
    if (URL_ATTRIBUTES.has(attributeName) && !isSafeUrl(attribute.value, tagName === 'img')) continue;
    copy.setAttribute(attributeName, inFrameAddress(attributeName, attribute.value));
  }
  // Task list checkboxes are shown, never usable.
  if (tagName === 'input') copy.setAttribute('disabled', '');
  // An image whose source was unsafe would only show as broken.
  if (tagName === 'img' && !copy.hasAttribute('src')) return null;
  for (const child of node.childNodes) {
    const childCopy = copySafeNode(target, child);
    if (childCopy) copy.append(childCopy);
  }
  return copy;
}

/** In-page links (the « Sommaire ») point into the frame's own document. */
function inFrameAddress(attributeName, value) {
  const trimmed = value.trim();
  return attributeName === 'href' && trimmed.startsWith('#') ? `${FRAME_DOCUMENT_URL}${trimmed}` : value;
}

function isSafeUrl(value, isImage) {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return !isImage;
  try {
    const { protocol } = new URL(trimmed, document.baseURI);
    return (isImage ? SAFE_IMAGE_PROTOCOLS : SAFE_LINK_PROTOCOLS).has(protocol);
  } catch {
    return false;
  }
}
