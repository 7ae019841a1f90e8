import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { sliceParagraph } from '../../src/write/slice-paragraph.js';

/** The first paragraph of a Markdown snippet. */
function paragraphOf(markdown: string): Paragraph {
  const node = parseMarkdown(markdown).tree.children.find((child) => child.type === 'paragraph');
  if (node?.type !== 'paragraph') throw new Error('no paragraph');
  return node;
}

/** A compact view of phrasing content: `text`, `*emphasis*`, `**strong**`, `[link](url)`, `` `code` ``. */
function show(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'emphasis':
          return `*${show(node.children)}*`;
        case 'strong':
          return `**${show(node.children)}**`;
        case 'delete':
          return `~~${show(node.children)}~~`;
        case 'link':
          return `[${show(node.children)}](${node.url})`;
        case 'inlineCode':
          return `\`${node.value}\``;
        case 'image':
          return `![${node.alt ?? ''}](${node.url})`;
        default:
          return `<${node.type}>`;
      }
    })
    .join('');
}

const MARKDOWN =
  'Une *première phrase* ici. La deuxième a un [lien vers le site](https://example.com/a) et **du gras**. La troisième se termine.';

describe('sliceParagraph', () => {
  const paragraph = paragraphOf(MARKDOWN);
  const plain = mdastToString(paragraph);

  it.each([
    { name: 'first sentence, emphasis kept', from: 0, to: 24, expected: 'Une *première phrase* ici.' },
    {
      name: 'second sentence, link and strong kept',
      from: 25,
      to: 71,
      expected: 'La deuxième a un [lien vers le site](https://example.com/a) et **du gras**.',
    },
    { name: 'last sentence', from: 72, to: 96, expected: 'La troisième se termine.' },
    { name: 'the whole paragraph', from: 0, to: plain.length, expected: MARKDOWN },
    { name: 'inside emphasis', from: 4, to: 12, expected: '*première*' },
    {
      name: 'a cut inside the link keeps it whole where it starts',
      from: 0,
      to: 50,
      expected: 'Une *première phrase* ici. La deuxième a un [lien vers le site](https://example.com/a)',
    },
    {
      name: 'a part that starts inside the link leaves it out',
      from: 50,
      to: plain.length,
      expected: 'et **du gras**. La troisième se termine.',
    },
    { name: 'an empty range', from: 30, to: 30, expected: '' },
  ])('$name', ({ from, to, expected }) => {
    expect(show(sliceParagraph(paragraph, from, to).children)).toBe(expected);
  });

  it('offsets are those of the analysis: the sentences put back together give the paragraph', () => {
    const document = parseMarkdown(MARKDOWN);
    const analysis = analyze(document);
    const block = analysis.blocks[0];
    if (!block) throw new Error('no block');
    const parts = analysis.sentences.map((sentence) =>
      show(sliceParagraph(paragraph, sentence.start - block.start, sentence.end - block.start).children),
    );
    expect(parts).toEqual([
      'Une *première phrase* ici.',
      'La deuxième a un [lien vers le site](https://example.com/a) et **du gras**.',
      'La troisième se termine.',
    ]);
    expect(parts.join(' ')).toBe(MARKDOWN);
  });

  it('leading whitespace is not counted, soft breaks are spaces, hard breaks become spaces', () => {
    const wrapped = paragraphOf('Première ligne\nsuite de la phrase.  \nSeconde phrase `code` ici.');
    expect(mdastToString(wrapped)).toContain('\n');
    const analysis = analyze(
      parseMarkdown('Première ligne\nsuite de la phrase.  \nSeconde phrase `code` ici.'),
    );
    const [first, second] = analysis.sentences;
    if (!first || !second) throw new Error('expected two sentences');
    expect(show(sliceParagraph(wrapped, first.start, first.end).children)).toBe(
      'Première ligne suite de la phrase.',
    );
    expect(show(sliceParagraph(wrapped, second.start, second.end).children)).toBe(
      'Seconde phrase `code` ici.',
    );
  });

  it('keeps an image with the part where it stands', () => {
    const withImage = paragraphOf('Avant l’image. ![Une carte](carte.png) Après l’image.');
    expect(show(sliceParagraph(withImage, 0, 14).children)).toBe('Avant l’image.');
    // The image has no text: it sits at offset 15, with the second sentence.
    expect(show(sliceParagraph(withImage, 15, 40).children)).toBe('![Une carte](carte.png) Après l’image.');
  });

  it('keeps strikethrough', () => {
    const struck = paragraphOf('Un texte ~~barré~~ ici. Fin.');
    expect(show(sliceParagraph(struck, 0, 19).children)).toBe('Un texte ~~barré~~ ici.');
  });

  it('returns a new paragraph without positions and leaves the source alone', () => {
    const before = structuredClone(paragraph);
    const part = sliceParagraph(paragraph, 25, 71);
    expect(part.type).toBe('paragraph');
    expect(part.position).toBeUndefined();
    for (const child of part.children) expect(child.position).toBeUndefined();
    expect(paragraph).toEqual(before);
  });
});

/**
 * Known bugs, reported to the module's owner: each test states the right behaviour and is expected to
 * fail until the bug is fixed (then turn `it.fails` into `it`).
 */
describe('sliceParagraph: known bugs', () => {
  it.fails('a reference link is kept, like a link', () => {
    const withReference = paragraphOf(
      'Voir [le guide][g] pour les détails. Seconde phrase.\n\n[g]: https://example.com/guide',
    );
    // Today the linkReference is dropped: « Voir  pour les détails. Seconde phrase. ».
    expect(sliceParagraph(withReference, 0, 100).children.map((node) => node.type)).toContain(
      'linkReference',
    );
  });

  it.fails('no source position is left inside a link', () => {
    const paragraph = paragraphOf(MARKDOWN);
    const part = sliceParagraph(paragraph, 25, 71);
    const positions: unknown[] = [];
    const visit = (node: Nodes) => {
      if (node.position) positions.push(node.position);
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(part);
    expect(positions).toEqual([]);
  });
});
