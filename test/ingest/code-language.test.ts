import type { Code, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { codeLanguageOf } from '../../src/ingest/code-language.js';
import { parseHtmlFragment, parseHtmlPage } from '../../src/ingest/parse-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

function codeBlocks(tree: Root): Code[] {
  return tree.children.filter((node): node is Code => node.type === 'code');
}

describe('codeLanguageOf', () => {
  it.each([
    [['language-js'], 'js'],
    [['hljs', 'language-TypeScript'], 'typescript'],
    [['lang-python'], 'python'],
    [['language-c++'], 'c++'],
    [['brush:', 'php;'], 'php'],
    [['brush:', 'js;', 'gutter:', 'false;'], 'js'],
    [['brush:bash;'], 'bash'],
    [['javascript'], 'javascript'],
    [['wp-block-code', 'PHP'], 'php'],
    [['wp-block-code'], undefined],
    [['highlight', 'code'], undefined],
    [['language-'], undefined],
    [[], undefined],
  ])('reads %j as %s', (classes, language) => {
    expect(codeLanguageOf(classes)).toBe(language);
  });
});

describe('the language of HTML code listings reaches the Markdown fence', () => {
  const listings = [
    '<pre><code class="language-bash">ls -l</code></pre>',
    '<pre class="javascript">const a = 1;</pre>',
    '<pre class="brush: php; gutter: false">echo 1;</pre>',
    '<pre class="wp-block-code"><code>sans langue</code></pre>',
  ].join('\n');

  it('from an HTML fragment', () => {
    const { tree } = parseHtmlFragment(listings);
    expect(codeBlocks(tree).map((code) => [code.lang, code.value])).toEqual([
      ['bash', 'ls -l'],
      ['javascript', 'const a = 1;'],
      ['php', 'echo 1;'],
      [null, 'sans langue'],
    ]);
    expect(renderMarkdown(makeArticle({ tree }))).toContain('```javascript\nconst a = 1;\n```');
  });

  it('from a page read by Readability, which removes classes', async () => {
    const prose =
      'Les développeurs web utilisent souvent la ligne de commande pour automatiser leurs tâches répétitives et gagner du temps chaque jour.';
    const page = `<!doctype html><html lang="fr"><head><title>Guide</title></head><body><article><h1>Guide du terminal</h1><p>${prose}</p><p>${prose}</p>${listings}<p>${prose}</p></article></body></html>`;
    const { tree } = await parseHtmlPage(page);
    expect(codeBlocks(tree).map((code) => code.lang)).toEqual(['bash', 'javascript', 'php', null]);
  });
});
