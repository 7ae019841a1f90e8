import type { Element, ElementContent, Root } from 'hast';

/**
 * Removes the header of each table whose header cells are all empty: the row a Markdown table must have
 * (GFM), left blank when its source had none (an HTML table of `<td>` only). On the page it would be an
 * empty bar above the table; without it the table reads as its author wrote it. Pure: changes `tree` in
 * place.
 */
export function dropEmptyTableHeaders(tree: Root | Element): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'table') {
      child.children = withoutEmptyHeader(child.children);
      continue;
    }
    dropEmptyTableHeaders(child);
  }
}

function withoutEmptyHeader(children: ElementContent[]): ElementContent[] {
  const index = children.findIndex((child) => child.type === 'element' && child.tagName === 'thead');
  const head = children[index];
  if (head === undefined || head.type !== 'element' || !isBlank(head)) return children;
  // The line break written after the header goes with it.
  const next = children[index + 1];
  const end = next?.type === 'text' && next.value.trim() === '' ? index + 2 : index + 1;
  // A table of a header only keeps it: a table with no row would be no table.
  const rest = [...children.slice(0, index), ...children.slice(end)];
  return rest.some((child) => child.type === 'element') ? rest : children;
}

/** No text but blanks, and no image nor other content element but the rows and cells themselves. */
function isBlank(node: ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() === '';
  if (node.type !== 'element') return true;
  if (node.tagName !== 'thead' && node.tagName !== 'tr' && node.tagName !== 'th' && node.tagName !== 'td')
    return false;
  return node.children.every(isBlank);
}
