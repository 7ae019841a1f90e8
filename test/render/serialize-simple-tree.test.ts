import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlockContent, List, ListItem, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { optimize } from '../../src/optimize.js';
import {
  MARKDOWN_STYLE,
  markdownBodyTree,
  markdownSerializerWith,
} from '../../src/render/render-markdown.js';
import { serializeSimpleTree } from '../../src/render/serialize-simple-tree.js';

// The serializer renderMarkdown falls back to (plain-text-handler.test.ts compares it with remark-stringify's own).
const serializer = markdownSerializerWith({});

/** Whether `serializeSimpleTree` writes that tree itself (else the full serializer does). */
function isSimpleTree(tree: Root): boolean {
  return serializeSimpleTree(tree) !== undefined;
}
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

const TEST_DIRECTORY = join(import.meta.dirname, '..');
const ROOT_DIRECTORY = join(TEST_DIRECTORY, '..');

/**
 * Whether the direct serializer and the full one agree on a tree; `true` when the direct one declines
 * (then renderMarkdown uses the full one), and whether it wrote it.
 */
function compare(tree: Root): { written: boolean } {
  const direct = serializeSimpleTree(tree);
  if (direct === undefined) return { written: false };
  const expected = serializer.stringify(tree);
  expect(direct, JSON.stringify(tree)).toBe(expected);
  return { written: true };
}

/** The inputs of the golden cases and the sources of the corpus. */
function sourceFiles(): string[] {
  const files: string[] = [join(ROOT_DIRECTORY, 'examples', 'talents-ia.txt')];
  for (const folder of ['golden', 'corpus']) {
    for (const entry of readdirSync(join(TEST_DIRECTORY, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      for (const file of readdirSync(join(TEST_DIRECTORY, folder, entry.name))) {
        if (/^(?:input|source)\.(?:md|txt|html)$/u.test(file))
          files.push(join(TEST_DIRECTORY, folder, entry.name, file));
      }
    }
  }
  return files;
}

/** Every text node of every source parsed as Markdown, and every line of it, trimmed or not. */
function corpusValues(): string[] {
  const values = new Set<string>();
  const collect = (node: Nodes) => {
    if (node.type === 'text') values.add(node.value);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  for (const file of sourceFiles()) {
    const source = readFileSync(file, 'utf8');
    collect(parser.parse(source));
    for (const line of source.split(/\r?\n/u)) {
      values.add(line);
      values.add(line.trim());
    }
  }
  return [...values];
}

/** Text that starts, holds or ends with what could be Markdown syntax, or is escaped or encoded. */
const EDGE_VALUES = [
  'Une phrase simple, sans rien à échapper.',
  '# pas un titre',
  '## deux',
  'fin de titre #',
  'C#',
  'C# et F#.',
  'a # b',
  '#hashtag',
  '- pas une liste',
  '-pas une liste',
  '-- deux tirets',
  '---',
  '- [ ] tâche',
  'mot - mot',
  'mot -',
  '1. pas une liste',
  '1) pas une liste',
  '1.5 million',
  '12.',
  '12)',
  '2024 : l’année',
  '3 000 postes',
  '1 000. Fin',
  '> pas une citation',
  'a > b',
  '>',
  '+ non',
  '+1',
  'a + b',
  '= titre',
  'a = b',
  '==',
  '| a | b |',
  'a | b',
  ':-- colonne',
  'a :- b',
  '* étoile',
  '3 * 4 = 12',
  '**gras**',
  'a_b et _mot_',
  'snake_case',
  '_',
  '[lien]',
  'voir [1]',
  'crochet ] seul',
  '![image](x)',
  'bang! [x]',
  'Bang !',
  '!important',
  'fin !',
  '(parenthèse)',
  '](x)',
  'a ( b',
  'http://exemple.fr',
  'https://exemple.fr/page',
  'voir http:// ici',
  'mailto:jean@exemple.fr',
  'jean@exemple.fr',
  'www.exemple.fr',
  'WWW.EXEMPLE.FR',
  'news.',
  'Vive le www.',
  'a.b.c',
  'R&D',
  'R & D',
  '&amp;',
  '&#33;',
  '&',
  'fin &',
  'AT&T',
  '< pas une balise',
  '<b>gras</b>',
  'a < b',
  'a<b',
  '`code`',
  '~barré~',
  '~~barré~~',
  'a ~ b',
  'fin \\ barre oblique',
  '\\* étoile',
  'deux  espaces',
  'espace à la fin ',
  ' espace au début',
  ' ',
  '',
  'ligne\nsuivante',
  'ligne\r\nretour',
  'tab\tulation',
  '\ttab',
  'nul\u0000',
  'suppr\u007f',
  'espace\u00a0insécable',
  '\u00a0insécable au début',
  'insécable à la fin\u00a0',
  '« guillemets »',
  '«\u00a0Sommaire\u00a0»',
  'L’IA « générative » : 100 000 $ !',
  'Prix : 4 % (environ).',
  'Prix\u202f: 4\u202f%',
  '"guillemets droits"',
  "l'apostrophe",
  "'apostrophe",
  '"début',
  'émoji 😀',
  '😀',
  'Sommaire',
  'L’essentiel',
  'Été',
  '42',
  'mot',
  'a',
  '.',
  '…',
  'fin…',
  '« fin »',
  'é',
  'Ωmega',
  '1',
  '^exposant',
  '$dollar',
  '%pour',
  '{accolade}',
  '/slash',
  '?question',
  ';point-virgule',
  ',virgule',
];

const URLS = [
  '#section',
  '#lavariante-485004-compte',
  '#big-tech-est-prêt-à-payer-jusquà-un-million',
  'https://exemple.fr',
  'https://exemple.fr/a_b*c',
  'https://exemple.fr/page#ancre',
  'https://exemple.fr/?a=1&b=2',
  'https://exemple.fr/(x)',
  'https://exemple.fr/[x]',
  'https://exemple.fr/a b',
  'https://exemple.fr/<x>',
  'https://exemple.fr/a\\b',
  'https://fr.wikipedia.org/wiki/Été_indien',
  'mailto:jean@exemple.fr',
  '/relatif',
  'relatif',
  '',
];

/** Destinations written as they are. */
const SIMPLE_URLS = URLS.filter((url) =>
  /^(?:#|\/|relatif|https:\/\/(?:exemple\.fr(?:\/a_b|\/page|$)|fr\.))/u.test(url),
);

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const item = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });
const list = (children: ListItem[], fields: Partial<List> = {}): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  ...fields,
  children,
});
const root = (...children: Root['children']): Root => ({ type: 'root', children });

/** One value in each place a simple tree has text. */
function shapesOf(value: string): Root[] {
  return [
    root(paragraph(text(value))),
    root({ type: 'heading', depth: 1, children: [text(value)] }),
    root({ type: 'heading', depth: 2, children: [text(value)] }),
    root({ type: 'heading', depth: 6, children: [text(value)] }),
    root(paragraph({ type: 'strong', children: [text(value)] })),
    root(paragraph({ type: 'emphasis', children: [text(value)] })),
    root(paragraph({ type: 'link', url: '#section', children: [text(value)] })),
    root(paragraph({ type: 'link', url: value, children: [text('lien')] })),
    root(list([item(paragraph(text(value)))])),
    root(list([item(paragraph(text(value)))], { ordered: true })),
    root({ type: 'blockquote', children: [paragraph(text(value))] }),
  ];
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function randomSequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Random trees of the shapes the direct serializer knows, nested a few deep; unless `simple`, with text
 * it declines and a few shapes it does not know here and there.
 */
function randomTree(random: () => number, values: readonly string[], simple: boolean): Root {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Mostly text it writes as it is, so that most trees are written directly.
  const value = () => (simple || random() < 0.9 ? pick(SAFE_VALUES) : pick(values));
  const attentionValue = () => (simple ? pick(SAFE_ATTENTION_VALUES) : value());
  const spread = () => pick([false, false, false, true, undefined, null]);
  const phrasing = (): Paragraph => {
    const choice = random() * (simple ? 0.92 : 1);
    if (choice < 0.55) return paragraph(text(value()));
    if (choice < 0.65) return paragraph({ type: 'strong', children: [text(attentionValue())] });
    if (choice < 0.72) return paragraph({ type: 'emphasis', children: [text(attentionValue())] });
    if (choice < 0.92)
      return paragraph({ type: 'link', url: pick(simple ? SIMPLE_URLS : URLS), children: [text(value())] });
    if (choice < 0.96) return paragraph(text(value()), { type: 'strong', children: [text(value())] });
    return paragraph();
  };
  const blocks = (depth: number, count: number): BlockContent[] => {
    const result: BlockContent[] = [];
    for (let index = 0; index < count; index += 1) {
      const choice = random() * (simple ? 0.98 : 1);
      if (choice < 0.4 || depth > 2) result.push(phrasing());
      else if (choice < 0.5)
        result.push({ type: 'heading', depth: pick([1, 2, 3, 6]) as 1, children: [text(value())] });
      else if (choice < 0.62)
        result.push({ type: 'blockquote', children: blocks(depth + 1, 1 + Math.floor(random() * 3)) });
      else if (choice < 0.98) {
        const ordered = pick([false, false, true, null]);
        const items: ListItem[] = [];
        const size = 1 + Math.floor(random() * 4);
        for (let itemIndex = 0; itemIndex < size; itemIndex += 1) {
          const listItem = item(...blocks(depth + 1, 1 + Math.floor(random() * 3)));
          listItem.spread = spread() as boolean;
          if (!simple && random() < 0.03) listItem.checked = pick([true, false, null]);
          items.push(listItem);
        }
        const fields: Partial<List> = { ordered, spread: spread() as boolean };
        if (ordered) fields.start = pick([1, 1, 0, 3, 10, -1, null, undefined]) as number;
        result.push(list(items, fields));
      } else result.push({ type: 'thematicBreak' });
    }
    return result;
  };
  return root(...blocks(0, 1 + Math.floor(random() * 6)));
}

/** Text the direct serializer writes in every place. */
const SAFE_VALUES = EDGE_VALUES.filter((value) => isSimpleTree(root(paragraph(text(value)))));

/** Text the direct serializer writes in strong and emphasis too. */
const SAFE_ATTENTION_VALUES = SAFE_VALUES.filter((value) =>
  isSimpleTree(root(paragraph({ type: 'emphasis', children: [text(value)] }))),
);

describe('serializeSimpleTree', () => {
  it('assumes the settings renderMarkdown passes to the serializer', () => {
    expect(MARKDOWN_STYLE).toEqual({
      bullet: '-',
      emphasis: '_',
      strong: '*',
      rule: '-',
      fences: true,
      listItemIndent: 'one',
    });
  });

  it('writes every text of the corpus and the goldens, in every place, as the serializer does', () => {
    const values = corpusValues();
    expect(values.length).toBeGreaterThan(1000);
    let written = 0;
    let trees = 0;
    for (const value of values) {
      for (const tree of shapesOf(value)) {
        trees += 1;
        if (compare(tree).written) written += 1;
      }
    }
    // Much of it is written directly (most values are lines of Markdown with their syntax, declined).
    expect(written).toBeGreaterThan(trees / 8);
  }, 120_000);

  it('writes text that starts with, holds or ends with Markdown syntax as the serializer does, or declines', () => {
    let written = 0;
    for (const value of EDGE_VALUES) {
      for (const tree of shapesOf(value)) if (compare(tree).written) written += 1;
    }
    expect(written).toBeGreaterThan(200);
    // What the serializer would escape or encode is left to it.
    for (const value of [
      '# titre',
      '- tiret',
      '1. un',
      '> citation',
      '+ plus',
      'a * b',
      'a_b',
      '[x]',
      'R&D',
    ]) {
      expect(isSimpleTree(root(paragraph(text(value)))), value).toBe(false);
    }
    expect(isSimpleTree(root(paragraph({ type: 'strong', children: [text('« mot »')] })))).toBe(false);
    expect(
      isSimpleTree(root(paragraph({ type: 'link', url: 'https://a.fr', children: [text('https://a.fr')] }))),
    ).toBe(false);
  });

  it('joins blocks, lists, items and quotes as the serializer does', () => {
    const p = (value: string) => paragraph(text(value));
    const trees: Root[] = [
      root(p('un'), p('deux')),
      root({ type: 'heading', depth: 2, children: [text('Titre')] }, p('texte')),
      root(list([item(p('a')), item(p('b'))]), list([item(p('c'))])),
      root(list([item(p('a'))]), list([item(p('b'))]), list([item(p('c'))])),
      root(list([item(p('a'))], { ordered: true }), list([item(p('b'))], { ordered: true })),
      root(list([item(p('a'))]), list([item(p('b'))], { ordered: true })),
      root(list([item(p('a'))]), { type: 'blockquote', children: [list([item(p('b'))])] }),
      root(list([item(p('a'))]), list([item(list([item(p('b'))]))])),
      root(list([item(list([item(p('a'))]), p('b'))])),
      root(list([item(p('a'), p('b'))])),
      root(list([item(p('a'), list([item(p('b'))]))])),
      root(list([item(p('a'), list([item(p('b'))]), list([item(p('c'))]))])),
      root(list([item(p('a'), { type: 'heading', depth: 3, children: [text('t')] }, p('b'))])),
      root(list([item(p('a'), { type: 'blockquote', children: [p('q')] }, p('b'))])),
      root(
        list([item({ type: 'blockquote', children: [p('q')] }, { type: 'blockquote', children: [p('r')] })]),
      ),
      root(list([item(p('a')), item(p('b'))], { spread: true })),
      root(list([{ ...item(p('a'), p('b')), spread: true }])),
      root(list([item(p('a')), item(p('b'))], { spread: undefined })),
      root(list([item(p('a'), p('b'))], { spread: null as unknown as boolean })),
      root(list([item(p('a')), item(p('b')), item(p('c'))], { ordered: true, start: 0 })),
      root(list([item(p('a')), item(p('b'))], { ordered: true, start: 9 })),
      root(list([item(p('a'))], { ordered: true, start: -1 })),
      root(p('a'), list([item(p('b'))], { ordered: true, start: 3 })),
      root(list([item(p('a'), list([item(p('b'))], { ordered: true, start: 3 }))])),
      root({ type: 'blockquote', children: [p('a'), p('b'), list([item(p('c'), p('d'))])] }),
      root({ type: 'blockquote', children: [{ type: 'blockquote', children: [p('a')] }] }),
      root(
        paragraph({ type: 'strong', children: [text('L’essentiel')] }),
        list([item(p('Un.')), item(p('Deux.'))]),
      ),
    ];
    let written = 0;
    for (const tree of trees) if (compare(tree).written) written += 1;
    expect(written).toBe(trees.length);
  });

  it('writes random trees of simple shapes as the serializer does, or declines', () => {
    const random = randomSequence(13);
    const values = [...EDGE_VALUES, ...corpusValues().slice(0, 400)];
    let written = 0;
    const count = 1500;
    for (let index = 0; index < count; index += 1) {
      if (compare(randomTree(random, values, index % 2 === 0)).written) written += 1;
    }
    expect(written).toBeGreaterThan(count / 3);
  }, 120_000);

  it('writes the offline tree of the example and of the golden articles as the serializer does', async () => {
    const simple: string[] = [];
    for (const file of sourceFiles()) {
      const extension = file.slice(file.lastIndexOf('.') + 1);
      const format = extension === 'md' ? 'markdown' : extension === 'html' ? 'html' : 'text';
      const document = await ingest(readFileSync(file, 'utf8'), { format });
      const { article } = await optimize(document, { date: '2024-03-25' });
      for (const target of ['plain', 'hugo'] as const) {
        for (const tableOfContents of [true, false]) {
          const tree = markdownBodyTree(article, { target, tableOfContents });
          if (compare(tree).written && target === 'plain' && tableOfContents) simple.push(file);
        }
      }
    }
    // The example is written directly: otherwise this path saves nothing.
    expect(simple).toContain(join(ROOT_DIRECTORY, 'examples', 'talents-ia.txt'));
    expect(simple).toContain(join(TEST_DIRECTORY, 'golden', 'long-no-headings', 'input.txt'));
  }, 120_000);
});
