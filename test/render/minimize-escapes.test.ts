import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  blockRangesOf,
  hasSelfContainedBlocks,
  rootWithBlockRanges,
} from '../../src/render/markdown-block-ranges.js';
import { minimizeEscapes } from '../../src/render/minimize-escapes.js';
import { markdownSerializerWith } from '../../src/render/render-markdown.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * The whole-document algorithm `minimizeEscapes` replaced (every attempt checked on the whole document),
 * kept as the oracle: reading each block alone must give the very same result.
 */
function minimizeEscapesWhole(markdown: string): string {
  const escapePattern = /\\(?=[!-/:-@[-`{-~])/g;
  const shapeOf = (text: string) =>
    JSON.stringify(parser.parse(text), (key, value: unknown) => (key === 'position' ? undefined : value));
  if (!escapePattern.test(markdown)) return markdown;
  const reference = shapeOf(markdown);
  const allRemoved = markdown.replace(escapePattern, '');
  if (shapeOf(allRemoved) === reference) return allRemoved;
  const minimizeBlock = (block: string) => {
    const offsets = [...block.matchAll(escapePattern)].map((match) => match.index);
    if (offsets.length === 0) return block;
    const blockReference = shapeOf(block);
    const blockRemoved = block.replace(escapePattern, '');
    if (shapeOf(blockRemoved) === blockReference) return blockRemoved;
    let current = block;
    for (const offset of offsets.reverse()) {
      const candidate = current.slice(0, offset) + current.slice(offset + 1);
      if (shapeOf(candidate) === blockReference) current = candidate;
    }
    return current;
  };
  let result = '';
  let last = 0;
  for (const block of parser.parse(markdown).children) {
    const start = block.position?.start.offset as number;
    const end = block.position?.end.offset as number;
    result += markdown.slice(last, start) + minimizeBlock(markdown.slice(start, end));
    last = end;
  }
  result += markdown.slice(last);
  return shapeOf(result) === reference ? result : markdown;
}

/** Blocks with escapes a serializer writes, and the constructs that make one block read another. */
const FRAGMENTS = [
  'Voir \\[note] plus bas.',
  '\\[lien]\\(https://exemple.fr) et \\[lien] seul.',
  '[lien]: https://exemple.fr',
  '> [cite]: https://exemple.fr/citation',
  'Un \\[cite] et un \\[autre].',
  '\\*pas\\* d’emphase, 3 \\* 4',
  '1\\. Premier point',
  '\\# pas un titre',
  '\\- pas une liste',
  '\\> pas une citation',
  'La balise \\<b> met en gras.',
  '\\<pre>',
  '\\<!-- pas un commentaire',
  '```\ncode \\* ici\n```',
  '\\`\\`\\`\ncode',
  '- item \\[a]\n- item \\*b\\*',
  '- suite \\_x\\_',
  '> citation \\[x]\n> suite \\*',
  '| a | b |\n| - | - |\n| c \\| d | e \\* |',
  'Texte\\[^1] et note[^2].',
  '[^2]: note \\*x\\*',
  'http\\://exemple.fr et www\\.exemple.fr',
  'mot\\_de\\_passe, \\_\\_init\\_\\_',
  '\\~\\~barré\\~\\~',
  '\\&copy; et &amp\\;',
  'Titre\n\\-\\-\\-',
  '    code \\* indenté',
  'Texte **gras \\[x]** et _\\*_',
  '\\[**suite**]\\(à venir)',
];

/** A seeded generator (mulberry32): the same documents on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('minimizeEscapes', () => {
  it.each([
    ['a bracket that opens no link', 'Voir \\[note] plus bas.\n', 'Voir [note] plus bas.\n'],
    ['a lone star', 'Calculez 3 \\* 4 = 12.\n', 'Calculez 3 * 4 = 12.\n'],
    ['brackets and parentheses that make no link', '\\[**suite**]\\(à venir)\n', '[**suite**](à venir)\n'],
    ['an underscore inside a word', 'La variable mot\\_de\\_passe.\n', 'La variable mot_de_passe.\n'],
    ['a quote mark inside a line', 'Il a dit \\> non.\n', 'Il a dit > non.\n'],
  ])('removes a needless escape: %s', (_name, input, expected) => {
    expect(minimizeEscapes(input)).toBe(expected);
  });

  it.each([
    ['a pair of stars that would emphasize', '\\*pas\\* d’emphase\n', '\\*pas* d’emphase\n'],
    ['a tag that would become raw HTML', 'La balise \\<b> met en gras.\n', undefined],
    ['a number that would start a list', '1\\. Premier point du texte.\n', undefined],
    ['a hash that would make a heading', '\\# pas un titre\n', undefined],
    ['a pipe in a table cell', '| a |\n| - |\n| b \\| c |\n', undefined],
    ['a backslash in code', 'Le code `a\\*b` reste tel quel.\n', undefined],
  ])('keeps an escape the text needs: %s', (_name, input, expected) => {
    expect(minimizeEscapes(input)).toBe(expected ?? input);
  });

  it('keeps the one escape of a pair that matters, removes the other', () => {
    expect(minimizeEscapes('\\*pas d’emphase\\*\n')).toBe('\\*pas d’emphase*\n');
  });

  it('gives what the whole-document check gives, on 160 documents of mixed blocks', () => {
    const next = random(20261207);
    const differences: string[] = [];
    for (let index = 0; index < 160; index += 1) {
      const count = 1 + Math.floor(next() * 6);
      const blocks = Array.from({ length: count }, () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]);
      const document = `${blocks.join('\n\n')}\n`;
      if (minimizeEscapes(document) !== minimizeEscapesWhole(document)) differences.push(document);
    }
    expect(differences).toEqual([]);
  });

  it('gives the same through the serializer that records its blocks, on 160 parsed documents', () => {
    const plain = markdownSerializerWith({});
    const ranged = markdownSerializerWith({ root: rootWithBlockRanges });
    const next = random(7);
    let recorded = 0;
    const differences: string[] = [];
    for (let index = 0; index < 160; index += 1) {
      const count = 1 + Math.floor(next() * 6);
      const blocks = Array.from({ length: count }, () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]);
      // Parsed, the escapes become the characters they stand for; the serializer escapes them again.
      const tree = parser.parse(`${blocks.join('\n\n')}\n`);
      if (!hasSelfContainedBlocks(tree)) continue;
      const written = ranged.stringify(tree);
      expect(written).toBe(plain.stringify(tree));
      const ranges = blockRangesOf(tree);
      if (ranges !== undefined) recorded += 1;
      if (minimizeEscapes(written, ranges) !== minimizeEscapesWhole(written)) differences.push(written);
    }
    expect(differences).toEqual([]);
    expect(recorded).toBeGreaterThan(60);
  });

  it('records no blocks when a table cell holds a code block (its closing fence line opens another)', () => {
    // As an HTML table of code reaches the tree: a code block in a cell, written over several lines.
    const codeCell = { type: 'tableCell', children: [{ type: 'code', value: 'fetch(x)\n.then(y)' }] };
    const tree = {
      type: 'root',
      children: [
        {
          type: 'table',
          children: [
            { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'a' }] }] },
            { type: 'tableRow', children: [codeCell] },
          ],
        },
        { type: 'paragraph', children: [{ type: 'text', value: 'Fin [x] & y.' }] },
      ],
    } as unknown as Root;
    expect(hasSelfContainedBlocks(tree)).toBe(true);
    const written = markdownSerializerWith({ root: rootWithBlockRanges }).stringify(tree);
    expect(written).toContain('\n``` |');
    expect(blockRangesOf(tree)).toBeUndefined();
  });

  it('leaves text without escapes as it is', () => {
    expect(minimizeEscapes('# Titre\n\nTexte _simple_.\n')).toBe('# Titre\n\nTexte _simple_.\n');
  });
});
