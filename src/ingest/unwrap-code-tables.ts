import type { Element, ElementContent, Root, RootContent } from 'hast';
import { hastTextOf } from './hast-text.js';

/**
 * Replaces each table that lays out code (a `<pre>` in a cell, as WordPress syntax highlighters write a
 * listing beside a column of line numbers) by its code blocks, in order, without the line numbers. Kept
 * as a table, a cell's code block is written over several lines in Markdown (« ``` | »), where no table
 * cell can hold one: its closing fence opens a code block that swallows the rest of the article. Tables
 * without `<pre>` stay. Pure: changes `tree` in place.
 */
export function unwrapCodeTables(tree: Root | Element): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of tree.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    if (child.tagName === 'table') {
      const listings = preElementsIn(child);
      if (listings.length > 0) {
        children.push(...listings.filter((listing) => !isLineNumbers(listing)));
        continue;
      }
    }
    unwrapCodeTables(child);
    children.push(child);
  }
  tree.children = children as typeof tree.children;
}

/** The `<pre>` elements under `node`, in document order (not those inside another `<pre>`). */
function preElementsIn(node: Element): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'pre') found.push(child);
    else found.push(...preElementsIn(child));
  }
  return found;
}

/** A gutter of line numbers: nothing but digits and white space. */
function isLineNumbers(listing: Element): boolean {
  return /^[\d\s]*$/.test(hastTextOf(listing));
}
