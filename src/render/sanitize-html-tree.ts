import type { ElementContent, Properties, Root, RootContent } from 'hast';
import { isSafeUrl } from './is-safe-url.js';

/**
 * Elements that run code, load resources or restructure the page. An article body never needs them;
 * they could only come from `data.hName` / `data.hChildren` set on the tree.
 */
const FORBIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'applet',
  'base',
  'body',
  'button',
  'embed',
  'form',
  'frame',
  'frameset',
  'head',
  'html',
  'iframe',
  'link',
  'math',
  'meta',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
]);

/**
 * Properties holding one URL, lower-cased without separators: `data.hProperties` may spell them as
 * hast does (`formAction`) or as HTML does (`formaction`, `xlink:href`).
 */
const URL_PROPERTIES: ReadonlySet<string> = new Set([
  'action',
  'background',
  'cite',
  'data',
  'formaction',
  'href',
  'longdesc',
  'ping',
  'poster',
  'src',
  'xlinkhref',
]);

/**
 * Makes the HTML tree of an article body safe to embed, in place (pass a tree you own): forbidden
 * elements, form controls other than task list checkboxes and raw HTML are dropped, event handler
 * attributes removed, a link with an unsafe URL becomes its text, an image with one disappears, other
 * unsafe URL attributes are removed.
 */
export function sanitizeHtmlTree(tree: Root): void {
  tree.children = sanitizeChildren(tree.children) as RootContent[];
}

function sanitizeChildren(
  nodes: readonly (RootContent | ElementContent)[],
): (RootContent | ElementContent)[] {
  const result: (RootContent | ElementContent)[] = [];
  for (const node of nodes) {
    // `raw` nodes are HTML strings (from `data.hChildren`): never pass them through.
    if (node.type === 'raw') continue;
    if (node.type !== 'element') {
      result.push(node);
      continue;
    }
    if (FORBIDDEN_ELEMENTS.has(node.tagName.toLowerCase())) continue;
    // GFM task lists render a checkbox; no other form control belongs in an article.
    if (node.tagName === 'input' && node.properties.type !== 'checkbox') continue;
    node.children = sanitizeChildren(node.children) as ElementContent[];
    const unsafeUrl = removeUnsafeProperties(node.properties);
    if (unsafeUrl && node.tagName === 'a') result.push(...node.children);
    else if (unsafeUrl && node.tagName === 'img') continue;
    else result.push(node);
  }
  return result;
}

/** Removes event handlers and unsafe URLs; tells whether an unsafe URL was found. */
function removeUnsafeProperties(properties: Properties): boolean {
  let unsafeUrl = false;
  for (const [name, value] of Object.entries(properties)) {
    const key = name.toLowerCase().replace(/[^a-z]/g, '');
    if (key.startsWith('on')) {
      delete properties[name];
    } else if (value !== undefined && value !== null && !isSafeProperty(key, value)) {
      delete properties[name];
      unsafeUrl = true;
    }
  }
  return unsafeUrl;
}

function isSafeProperty(key: string, value: NonNullable<Properties[string]>): boolean {
  if (URL_PROPERTIES.has(key)) return isSafeUrl(Array.isArray(value) ? value.join(' ') : String(value));
  if (key === 'srcset') {
    // Each candidate is `url [descriptor]`, candidates separated by commas.
    const candidates = Array.isArray(value) ? value.map(String) : String(value).split(',');
    return candidates.every((candidate) => isSafeUrl(candidate.trim().split(/\s+/)[0] ?? ''));
  }
  return true;
}
