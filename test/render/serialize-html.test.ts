import type { Element, ElementContent, Nodes, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { HTML_ATTRIBUTES, serializeHtml } from '../../src/render/serialize-html.js';
import { seededRandom } from '../helpers/seeded-random.js';

/** What Plume's pages went through before: the serializer with Plume's one setting. */
const reference = unified().use(rehypeStringify, { upperDoctype: true }).freeze();
const stringify = (tree: Nodes) => reference.stringify(tree as Root);

const element = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[] = [],
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

describe('serializeHtml', () => {
  // Each property of the table, with each kind of value: the same bytes as the serializer.
  const values: unknown[] = [
    '',
    'a',
    'x"y',
    "l'a & <b>",
    '`\0',
    'checked',
    'disabled',
    0,
    12,
    Number.NaN,
    true,
    false,
    ['a', 'b'],
    [],
    [' a ', 3],
    null,
  ];
  for (const [property, info] of Object.entries(HTML_ATTRIBUTES)) {
    it(`writes ${property} as ${info.attribute}${info.boolean ? ' (boolean)' : ''} as the serializer does`, () => {
      let compared = 0;
      for (const value of values) {
        const tree = element('span', { [property]: value as string });
        const direct = serializeHtml(tree);
        if (direct === undefined) continue;
        expect(direct, JSON.stringify(value)).toBe(stringify(tree));
        compared += 1;
      }
      expect(compared).toBeGreaterThanOrEqual(3);
    });
  }

  it.each([
    ['a comment', { type: 'comment', value: 'x' }],
    ['raw HTML', { type: 'raw', value: '<b>' }],
    ['an SVG element', element('svg', {})],
    ['a property outside the table', element('div', { dataFoo: 'x' })],
    ['an object as a value', element('a', { href: { url: 'x' } as unknown as string })],
    ['an upper-case tag', element('DIV', {})],
  ])('leaves %s to the serializer', (_name, node) => {
    expect(
      serializeHtml({ type: 'root', children: [element('p', {}, [node as ElementContent])] }),
    ).toBeUndefined();
  });

  it('writes random pages as the serializer does', () => {
    const { below: random, pick } = seededRandom(3);
    const tags = [
      'p',
      'h2',
      'a',
      'strong',
      'em',
      'ul',
      'ol',
      'li',
      'blockquote',
      'meta',
      'link',
      'img',
      'br',
      'hr',
      'input',
      'script',
      'style',
      'title',
      'nav',
      'td',
      'code',
      'pre',
    ];
    const texts = ['', 'Texte', 'a < b & c', '« l’IA »\u202f!', '</script>', '&amp;', '\n', ' ', '"\'`'];
    const properties = Object.keys(HTML_ATTRIBUTES);
    const propertyValues: unknown[] = ['', 'x', 'a"b&c', 4, ['p', 'q'], true, false, null];
    const node = (depth: number): ElementContent => {
      if (depth > 3 || random(3) === 0) return { type: 'text', value: pick(texts) };
      const props: Record<string, unknown> = {};
      for (let count = random(3); count > 0; count -= 1) props[pick(properties)] = pick(propertyValues);
      const children: ElementContent[] = [];
      for (let count = random(4); count > 0; count -= 1) children.push(node(depth + 1));
      return element(pick(tags), props as Element['properties'], children);
    };
    let direct = 0;
    for (let run = 0; run < 2000; run += 1) {
      const tree: Root = {
        type: 'root',
        children: [{ type: 'doctype' }, { type: 'text', value: '\n' }, node(0), node(0)],
      };
      const html = serializeHtml(tree);
      if (html === undefined) continue;
      expect(html).toBe(stringify(tree));
      direct += 1;
    }
    // Most pages go the direct way (a boolean that is not its name, say, does not).
    expect(direct).toBeGreaterThan(1000);
  });
});
