import type { Root, Table, TableCell } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseHtmlFragment } from '../../src/ingest/parse-html.js';
import { renderHtmlDocument } from '../../src/render/render-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

/** The rows of the first table of a Markdown text, as a GFM reader sees them: cell texts. */
function tableRows(markdown: string): string[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const table = tree.children.find((node): node is Table => node.type === 'table');
  return (table?.children ?? []).map((row) => row.children.map((cell: TableCell) => mdastToString(cell)));
}

function markdownOf(html: string): string {
  return renderMarkdown(makeArticle({ tree: parseHtmlFragment(html).tree }));
}

const table = (cell: string) =>
  `<p>Avant.</p><table><tr><th>Offre</th><th>Détail</th></tr><tr><td>A</td><td>${cell}</td></tr><tr><td>B</td><td>fin</td></tr></table><p>Après.</p>`;

describe('phrasingTableCells (the Markdown of HTML tables whose cells hold blocks)', () => {
  it.each([
    ['a list', '<ul><li>Débit élevé</li><li>Service client</li></ul>', '• Débit élevé • Service client'],
    ['an ordered list', '<ol start="3"><li>Choisir</li><li>Payer</li></ol>', '3. Choisir 4. Payer'],
    ['two paragraphs', '<p>Prix bas.</p><p>Box récente.</p>', 'Prix bas. Box récente.'],
    ['text then a list', 'Atouts : <ul><li>prix</li><li>débit</li></ul>', 'Atouts : • prix • débit'],
    ['a nested list', '<ul><li>Fibre<ul><li>1 Gb/s</li></ul></li></ul>', '• Fibre • 1 Gb/s'],
    ['a quote', '<blockquote><p>Très bien.</p></blockquote>', 'Très bien.'],
    ['a heading', '<h3>Option</h3><p>TV incluse.</p>', 'Option TV incluse.'],
    ['a pipe in a list item', '<ul><li>TV | Box</li></ul>', '• TV | Box'],
    ['emphasis in a paragraph', '<p>Prix <strong>bas</strong>.</p><p>Fin.</p>', 'Prix bas. Fin.'],
  ])('keeps every row of a table whose cell holds %s', (_name, cell, expected) => {
    const markdown = markdownOf(table(cell));
    expect(tableRows(markdown)).toEqual([
      ['Offre', 'Détail'],
      ['A', expected],
      ['B', 'fin'],
    ]);
    // The table ends where it did: the next paragraph is not a row.
    expect(markdown).toMatch(/\| B +\| fin +\|\n\nAprès\.\n$/u);
  });

  it('leaves cells of text as they were', () => {
    const markdown = markdownOf(table('<em>simple</em> | et <a href="https://exemple.fr/">lien</a>'));
    expect(markdown).toContain('| A     | _simple_ \\| et [lien](https://exemple.fr/) |');
  });

  it('keeps the blocks in the HTML output', () => {
    const html = renderHtmlDocument(
      makeArticle({
        tree: parseHtmlFragment(table('<ul><li>Débit élevé</li><li>Service client</li></ul>')).tree,
      }),
    );
    expect(html).toMatch(/<td><ul>\s*<li>Débit élevé<\/li>\s*<li>Service client<\/li>\s*<\/ul><\/td>/u);
  });
});
