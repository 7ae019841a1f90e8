import type { TableOfContentsEntry } from '../article.js';

/** A table of contents entry with the entries of its subsections. */
export interface TableOfContentsNode {
  entry: TableOfContentsEntry;
  children: TableOfContentsNode[];
}

/**
 * Nests flat table of contents entries by depth: an H3 goes under the H2 before it. Depth-1 entries
 * (the H1) are left out, the table lists the sections of the article. An entry with no shallower entry
 * before it stays at the top level, so a skipped level never loses an entry.
 */
export function nestTableOfContents(entries: readonly TableOfContentsEntry[]): TableOfContentsNode[] {
  const roots: TableOfContentsNode[] = [];
  const ancestors: TableOfContentsNode[] = [];
  for (const entry of entries) {
    if (entry.depth < 2) continue;
    const node: TableOfContentsNode = { entry, children: [] };
    while (ancestors.length > 0 && (ancestors.at(-1)?.entry.depth ?? 0) >= entry.depth) ancestors.pop();
    const parent = ancestors.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    ancestors.push(node);
  }
  return roots;
}
