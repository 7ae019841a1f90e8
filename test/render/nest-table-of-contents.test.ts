import { describe, expect, it } from 'vitest';
import type { TableOfContentsEntry } from '../../src/article.js';
import { nestTableOfContents, type TableOfContentsNode } from '../../src/render/nest-table-of-contents.js';

/** `depth:id` entries, and the nesting written as ids with their children. */
type Shape = [string, Shape[]];

function entries(...specs: string[]): TableOfContentsEntry[] {
  return specs.map((spec) => {
    const [depth, id] = spec.split(':');
    return { depth: Number(depth), text: String(id), id: String(id) };
  });
}

function shape(nodes: TableOfContentsNode[]): Shape[] {
  return nodes.map((node) => [node.entry.id, shape(node.children)]);
}

describe('nestTableOfContents', () => {
  const cases: { name: string; input: TableOfContentsEntry[]; expected: Shape[] }[] = [
    { name: 'empty', input: [], expected: [] },
    {
      name: 'H3 under the H2 before it',
      input: entries('2:a', '3:a1', '3:a2', '2:b', '2:c', '3:c1'),
      expected: [
        [
          'a',
          [
            ['a1', []],
            ['a2', []],
          ],
        ],
        ['b', []],
        ['c', [['c1', []]]],
      ],
    },
    { name: 'the H1 left out', input: entries('1:title', '2:a'), expected: [['a', []]] },
    {
      name: 'an H3 before any H2 at the top',
      input: entries('3:x', '2:a'),
      expected: [
        ['x', []],
        ['a', []],
      ],
    },
    {
      name: 'deeper levels',
      input: entries('2:a', '3:b', '4:c', '2:d'),
      expected: [
        ['a', [['b', [['c', []]]]]],
        ['d', []],
      ],
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(shape(nestTableOfContents(input))).toEqual(expected);
  });
});
