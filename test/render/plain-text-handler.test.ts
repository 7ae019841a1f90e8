import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { plainTextHandler } from '../../src/render/plain-text-handler.js';
import { MARKDOWN_STYLE } from '../../src/render/render-markdown.js';

// Plume's own settings, so the comparison is the one renderMarkdown makes.
const settings = MARKDOWN_STYLE;
const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const reference = unified().use(remarkGfm).use(remarkStringify, settings).freeze();
const withHandler = unified()
  .use(remarkGfm)
  .use(remarkStringify, { ...settings, handlers: { text: plainTextHandler } })
  .freeze();

/** Every Markdown and text file of the goldens and the corpus: inputs and expected articles. */
function markdownFiles(): string[] {
  const root = join(import.meta.dirname, '..');
  const files: string[] = [];
  for (const folder of ['golden', 'corpus']) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      for (const file of readdirSync(join(root, folder, entry.name))) {
        if (/\.(?:md|txt)$/u.test(file)) files.push(join(root, folder, entry.name, file));
      }
    }
  }
  return files;
}

/** A paragraph per value, and the values in a heading, a list item, emphasis, a link and a table. */
function treeOf(values: readonly string[]): Root {
  const text = (value: string) => ({ type: 'text' as const, value });
  return {
    type: 'root',
    children: values.flatMap((value) => [
      { type: 'paragraph', children: [text(value)] },
      { type: 'heading', depth: 2, children: [text(value)] },
      {
        type: 'paragraph',
        children: [text(value), { type: 'emphasis', children: [text(value)] }, text(value)],
      },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: [
          { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(value)] }] },
        ],
      },
      {
        type: 'paragraph',
        children: [{ type: 'link', url: 'https://exemple.fr', children: [text(value)] }, text(value)],
      },
      {
        type: 'table',
        children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text(value)] }] }],
      },
    ]),
  } as Root;
}

describe('plainTextHandler', () => {
  it('serializes every golden and corpus document as remark-stringify does', () => {
    const files = markdownFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const tree = parser.parse(readFileSync(file, 'utf8'));
      expect(withHandler.stringify(tree), file).toBe(reference.stringify(tree));
    }
  });

  it('serializes text that needs escapes as remark-stringify does', () => {
    const values = [
      'Une phrase simple, sans rien à échapper.',
      '1. pas une liste',
      '- pas une liste',
      '+ non',
      '# pas un titre',
      '> pas une citation',
      '* étoile',
      'a_b et _mot_',
      'www.exemple.fr',
      'https://exemple.fr',
      'R&D et &amp;',
      '<b>gras</b>',
      '[lien] et ![image]',
      '~barré~',
      'a | b',
      '`code`',
      'fin \\ barre oblique \\* étoile',
      '= titre',
      'deux  espaces ',
      ' espace au début',
      'ligne\nsuivante',
      // Line breaks: the patterns that need one are only tried when the text has one.
      'ligne\n# titre',
      'ligne\n1. suite',
      'ligne\n- tiret',
      'ligne\n> citation',
      'ligne \nespace avant',
      'ligne\n espace après',
      'ligne\r\nretour',
      'ligne\rretour seul',
      'tab\t\nfin',
      'ligne\n\tretrait',
      'ligne\n=\nsoulignée',
      'ligne\n<b>',
      'ligne\n`code`',
      'ligne\n~~barré~~',
      'jean@exemple.fr',
      '3 * 4 = 12',
      'Prix : 4 % (environ).',
      'L’IA « générative » : 100 000 $ !',
    ];
    const tree = treeOf(values);
    expect(withHandler.stringify(tree)).toBe(reference.stringify(tree));
    for (const value of values) {
      const single = treeOf([value]);
      expect(withHandler.stringify(single), value).toBe(reference.stringify(single));
    }
  });
});
