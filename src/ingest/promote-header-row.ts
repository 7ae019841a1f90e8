import type { Element, ElementContent, Root } from 'hast';

/**
 * Makes the first row of each table without a header its header when the author wrote it as one: every
 * cell bold (`<td><strong>Prix</strong></td>`, as WordPress tables are often made) or empty. Its cells
 * become `<th>` without their bold. Without a header, a Markdown table gets an empty header row above the
 * author's (GFM requires one): the bold labels then read as a row of data under a blank bar. A first row
 * of plain cells stays a row: nothing says it names the columns. Pure: changes `tree` in place.
 */
export function promoteHeaderRows(tree: Root | Element): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'table') {
      promoteHeaderRow(child);
      // A table nested in a cell becomes text: nothing inside is a header.
      continue;
    }
    promoteHeaderRows(child);
  }
}

function promoteHeaderRow(table: Element): void {
  const rows = rowsOf(table);
  const first = rows[0];
  // One row is no table of data: it stays as written.
  if (first === undefined || rows.length < 2 || hasHeader(table, first)) return;
  const cells = first.children.filter(isElement);
  if (cells.length === 0 || !cells.every((cell) => cell.tagName === 'td')) return;
  const labels = cells.map(boldContent);
  // All empty is not a header either: a blank row.
  if (labels.some((label) => label === undefined) || labels.every((label) => label?.length === 0)) return;
  cells.forEach((cell, index) => {
    cell.tagName = 'th';
    cell.children = labels[index] as ElementContent[];
  });
}

/** The table's rows in order, those of its `<thead>`, `<tbody>` and `<tfoot>` included (not nested tables'). */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')
      rows.push(...child.children.filter((row): row is Element => isElement(row) && row.tagName === 'tr'));
  }
  return rows;
}

/** A `<thead>`, or a `<th>` in the first row: the author gave the table its header. */
function hasHeader(table: Element, first: Element): boolean {
  return (
    table.children.some((child) => isElement(child) && child.tagName === 'thead') ||
    first.children.some((cell) => isElement(cell) && cell.tagName === 'th')
  );
}

/**
 * The children of the cell's bold element when the bold holds all its text (`<strong>`, `<b>`, blanks
 * around it, one paragraph around it), an empty list for an empty cell; undefined otherwise.
 */
function boldContent(cell: Element): ElementContent[] | undefined {
  let content = significant(cell.children);
  if (content.length === 0) return [];
  const only = content[0];
  if (content.length === 1 && only !== undefined && isElement(only) && only.tagName === 'p')
    content = significant(only.children);
  const bold = content[0];
  if (content.length !== 1 || bold === undefined || !isElement(bold)) return undefined;
  if (bold.tagName !== 'strong' && bold.tagName !== 'b') return undefined;
  return bold.children;
}

/** The nodes but blank text and comments. */
function significant(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.filter(
    (node) => node.type !== 'comment' && !(node.type === 'text' && node.value.trim().length === 0),
  );
}

function isElement(node: ElementContent | { type: string }): node is Element {
  return node.type === 'element';
}
