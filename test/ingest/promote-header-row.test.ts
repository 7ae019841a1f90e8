import type { Table } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseHtmlFragment } from '../../src/ingest/parse-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

const DATA_ROWS = '<tr><td>Box A</td><td>29,99 €</td></tr><tr><td>Box B</td><td>34,99 €</td></tr>';

/** The table of `html` (a top-level block), as rows of cell texts. */
function rowsOf(html: string): string[][] {
  const table = parseHtmlFragment(html).tree.children.find((node): node is Table => node.type === 'table');
  if (table === undefined) throw new Error('no table');
  return table.children.map((row) => row.children.map((cell) => mdastToString(cell)));
}

describe('promoteHeaderRows (HTML tables without a header)', () => {
  it.each([
    ['a first row of bold cells', '<tr><td><strong>Offre</strong></td><td><strong>Prix</strong></td></tr>'],
    ['<b> and blanks around it', '<tr><td> <b>Offre</b> </td><td>\n<b>Prix</b></td></tr>'],
    [
      'the bold in a paragraph',
      '<tr><td><p><strong>Offre</strong></p></td><td><p><strong>Prix</strong></p></td></tr>',
    ],
    ['in a <tbody>', '<tbody><tr><td><strong>Offre</strong></td><td><strong>Prix</strong></td></tr></tbody>'],
  ])('makes %s the header', (_, firstRow) => {
    const html = firstRow.startsWith('<tbody>')
      ? `<table>${firstRow.replace('</tbody>', `${DATA_ROWS}</tbody>`)}</table>`
      : `<table>${firstRow}${DATA_ROWS}</table>`;
    expect(rowsOf(html)).toEqual([
      ['Offre', 'Prix'],
      ['Box A', '29,99 €'],
      ['Box B', '34,99 €'],
    ]);
  });

  it('keeps an empty corner cell in the header (a matrix)', () => {
    const html = `<table><tr><td></td><td><strong>2023</strong></td></tr><tr><td>Box A</td><td>29,99 €</td></tr></table>`;
    expect(rowsOf(html)).toEqual([
      ['', '2023'],
      ['Box A', '29,99 €'],
    ]);
  });

  it.each([
    ['plain cells (nothing says they name the columns)', '<tr><td>Offre</td><td>Prix</td></tr>'],
    ['one bold cell of two (a label column)', '<tr><td><strong>Offre</strong></td><td>Prix</td></tr>'],
    ['bold and more text', '<tr><td><strong>Prix</strong> TTC</td><td><strong>Débit</strong></td></tr>'],
    [
      'two bold runs',
      '<tr><td><strong>Prix</strong><strong>TTC</strong></td><td><strong>Débit</strong></td></tr>',
    ],
    ['empty cells only', '<tr><td></td><td> </td></tr>'],
  ])('leaves a first row of %s a row, under an empty header', (_, firstRow) => {
    const rows = rowsOf(`<table>${firstRow}${DATA_ROWS}</table>`);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['', '']);
  });

  it('leaves a table of one bold row as it is', () => {
    const rows = rowsOf(
      '<table><tr><td><strong>Offre</strong></td><td><strong>Prix</strong></td></tr></table>',
    );
    expect(rows).toEqual([
      ['', ''],
      ['Offre', 'Prix'],
    ]);
  });

  it.each([
    [
      'a <thead>',
      `<table><thead><tr><td>Offre</td><td>Prix</td></tr></thead><tbody>${DATA_ROWS}</tbody></table>`,
    ],
    ['<th> cells', `<table><tr><th>Offre</th><th><strong>Prix</strong></th></tr>${DATA_ROWS}</table>`],
  ])('keeps the header the author gave with %s', (_, html) => {
    const rows = rowsOf(html);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['Box A', '29,99 €']);
  });

  it('writes the promoted header as the Markdown table header, without the bold', () => {
    const document = parseHtmlFragment(
      `<p>Nos offres.</p><table><tr><td><strong>Offre</strong></td><td><strong>Prix</strong></td></tr>${DATA_ROWS}</table>`,
    );
    const markdown = renderMarkdown(makeArticle({ tree: document.tree }));
    expect(markdown).toContain('| Offre | Prix    |\n| ----- | ------- |\n| Box A | 29,99 € |');
    expect(markdown).not.toContain('**Offre**');
  });
});
