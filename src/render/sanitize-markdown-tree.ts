import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { unwrapParenthesizedUrl } from '../analyze/unwrap-parenthesized-url.js';
import { isSafeUrl } from './is-safe-url.js';

/**
 * Makes an article tree safe to publish, in place (pass a clone): raw HTML is dropped, a link with an
 * unsafe URL (`javascript:`…) becomes its text, an image with one disappears. Definitions are checked
 * too, with the references that use them. A URL written in double parentheses (`((http://…))`) is
 * unwrapped first.
 */
export function sanitizeMarkdownTree(tree: Root): void {
  const unsafeDefinitions = new Set<string>();
  collectUnsafeDefinitions(tree, unsafeDefinitions);
  sanitizeChildren(tree, unsafeDefinitions);
}

function collectUnsafeDefinitions(node: Nodes, unsafeDefinitions: Set<string>): void {
  if (node.type === 'definition') {
    node.url = unwrapParenthesizedUrl(node.url);
    if (!isSafeUrl(node.url)) unsafeDefinitions.add(node.identifier);
  }
  if ('children' in node)
    for (const child of node.children) collectUnsafeDefinitions(child, unsafeDefinitions);
}

function sanitizeChildren(parent: Parent, unsafeDefinitions: ReadonlySet<string>): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if ('children' in child) sanitizeChildren(child, unsafeDefinitions);
    switch (child.type) {
      case 'html':
        break;
      case 'link':
        // « [texte]((http://…)) »: the author's URL is inside the parentheses.
        child.url = unwrapParenthesizedUrl(child.url);
        if (isSafeUrl(child.url)) children.push(child);
        else children.push(...child.children);
        break;
      case 'linkReference':
        if (unsafeDefinitions.has(child.identifier)) children.push(...child.children);
        else children.push(child);
        break;
      case 'image':
        if (isSafeUrl(child.url)) children.push(child);
        break;
      case 'imageReference':
      case 'definition':
        if (!unsafeDefinitions.has(child.identifier)) children.push(child);
        break;
      default:
        children.push(child);
    }
  }
  // Unwrapped links put phrasing content where the link was, which that parent accepts.
  parent.children = children as Parent['children'];
}
