import type { Nodes, PhrasingContent, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { isPhrasingContent } from '../phrasing-content.js';

/**
 * Writes the blocks an HTML table cell may hold (paragraphs, a list, a quote) as the one line a Markdown
 * table cell can: paragraphs joined by a space, list items each after « • » (or their number). Written
 * as blocks, a cell's list or second paragraph went to a new line, which ends the table there: the rest
 * of its rows became paragraphs. For the Markdown output only: the HTML keeps the blocks. In place
 * (pass a clone).
 */
export function phrasingTableCells(node: Root | Nodes): void {
  if (node.type === 'tableCell') {
    if (!node.children.every(isPhrasing)) node.children = lineOf(node.children as Nodes[]);
    return;
  }
  if ('children' in node) for (const child of node.children) phrasingTableCells(child);
}

/** Inline in a cell: phrasing content, and raw HTML (a cell of the source's HTML holds inline markup). */
function isPhrasing(node: Nodes): node is PhrasingContent {
  return node.type === 'html' || isPhrasingContent(node);
}

/** Runs of phrasing content, one per paragraph or list item, joined by a space. */
function lineOf(children: readonly Nodes[]): PhrasingContent[] {
  const line: PhrasingContent[] = [];
  const add = (run: readonly PhrasingContent[]) => {
    if (run.length === 0) return;
    if (line.length > 0) line.push({ type: 'text', value: ' ' });
    line.push(...run);
  };
  let inline: PhrasingContent[] = [];
  for (const child of children) {
    if (isPhrasing(child)) {
      inline.push(child);
      continue;
    }
    add(inline);
    inline = [];
    for (const run of runsOf(child)) add(run);
  }
  add(inline);
  return line;
}

function runsOf(node: Nodes): PhrasingContent[][] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [node.children];
    case 'list':
      return node.children.map((item, index) => [
        { type: 'text', value: node.ordered ? `${(node.start ?? 1) + index}. ` : '• ' },
        ...lineOf(item.children),
      ]);
    case 'blockquote':
      return node.children.flatMap((child) => runsOf(child));
    case 'code':
      return [[{ type: 'inlineCode', value: node.value.replace(/\s*\n\s*/gu, ' ') }]];
    case 'thematicBreak':
    case 'definition':
      return [];
    default: {
      const text = mdastToString(node).replace(/\s+/gu, ' ').trim();
      return text === '' ? [] : [[{ type: 'text', value: text }]];
    }
  }
}
