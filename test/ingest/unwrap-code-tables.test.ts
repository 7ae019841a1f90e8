import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseHtmlFragment } from '../../src/ingest/parse-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

function types(node: Nodes, found: string[] = []): string[] {
  found.push(node.type);
  if ('children' in node) for (const child of node.children) types(child, found);
  return found;
}

// As WordPress syntax highlighters write a listing: line numbers in one cell, the code in the next.
const LISTING = `<p>Avant le code.</p>
<table><tbody><tr>
<td class="line_numbers"><pre>1
2</pre></td>
<td class="code"><pre class="javascript">fetch("/data.json")
  .then((res) =&gt; res.json());</pre></td>
</tr></tbody></table>
<p>Après le code, [une note] &amp; la suite.</p>`;

describe('unwrapCodeTables (through parseHtmlFragment)', () => {
  it('replaces a table that lays out code by its code block, without the line numbers', () => {
    const { tree } = parseHtmlFragment(LISTING);
    expect(types(tree)).not.toContain('table');
    const code = tree.children.filter((node) => node.type === 'code');
    expect(code.map((node) => node.value)).toEqual(['fetch("/data.json")\n  .then((res) => res.json());']);
    expect(tree.children.at(-1)?.type).toBe('paragraph');
  });

  it('leaves the text after it outside any code block in the Markdown', () => {
    const document = parseHtmlFragment(LISTING);
    const markdown = renderMarkdown(makeArticle({ tree: document.tree }));
    const body = markdown.slice(markdown.indexOf('Avant le code.'));
    // The listing's language (`<pre class="javascript">`) names the fence.
    expect(body).toContain('```javascript\nfetch("/data.json")\n  .then((res) => res.json());\n```');
    expect(body.endsWith('Après le code, [une note] & la suite.\n')).toBe(true);
  });

  it('keeps a table of text as a table', () => {
    const { tree } = parseHtmlFragment(
      '<table><tr><th>Ville</th><th>Lignes</th></tr><tr><td>Lyon</td><td>4</td></tr></table>',
    );
    expect(types(tree)).toContain('table');
  });
});
