import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseHtmlFragment } from '../../src/ingest/parse-html.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { renderHtmlFragment } from '../../src/render/render-fragment.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

function htmlOf(tree: Root): string {
  return renderHtmlFragment(makeArticle({ tree, tableOfContents: [] }));
}

describe('dropEmptyTableHeaders (HTML output)', () => {
  it('writes a table without header cells without the blank header row its Markdown needs', () => {
    const source =
      '<p>Nos offres.</p><table><tr><td>Box A</td><td>29,99 €</td></tr><tr><td>Box B</td><td>34,99 €</td></tr></table>';
    const tree = parseHtmlFragment(source).tree;
    // The Markdown keeps it: a GFM table has a header row.
    expect(renderMarkdown(makeArticle({ tree }))).toContain(
      '|       |         |\n| ----- | ------- |\n| Box A |',
    );
    const html = htmlOf(tree);
    expect(html).not.toContain('<thead>');
    expect(html).not.toContain('<th>');
    expect(html).toContain('<table>\n<tbody>\n<tr>\n<td>Box A</td>');
  });

  it('keeps a header with any text, and an empty table header of a table with no other row', () => {
    const withHeader = parseMarkdown('| Offre |  |\n| --- | --- |\n| Box A | 29 € |\n').tree;
    expect(htmlOf(withHeader)).toContain('<thead>\n<tr>\n<th>Offre</th>\n<th></th>');
    const headerOnly = parseMarkdown('|  |  |\n| --- | --- |\n').tree;
    expect(htmlOf(headerOnly)).toContain('<thead>');
  });

  it('keeps a header whose only content is an image', () => {
    const tree = parseMarkdown('| ![Logo](/logo.png) |\n| --- |\n| Box A |\n').tree;
    expect(htmlOf(tree)).toContain('<thead>');
  });
});
