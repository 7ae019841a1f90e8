import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainFrontMatter } from '../../src/ingest/plain-front-matter.js';

/** What `yaml` reads, as markdown-document.ts reads it; `error` when it refuses the text. */
function reference(text: string): unknown {
  const document = parseDocument(text);
  return document.errors.length > 0 ? 'error' : document.toJS();
}

describe('readPlainFrontMatter', () => {
  it.each([
    ['slug: article-12', { slug: 'article-12' }],
    [
      'title: L’IA générative recrute\nwords: 1122\ndraft: false',
      { title: 'L’IA générative recrute', words: 1122, draft: false },
    ],
    ['date: 2024-03-25\nlang: fr-FR', { date: '2024-03-25', lang: 'fr-FR' }],
    [
      'description: « Il y a pénurie », déclare Libre.',
      { description: '« Il y a pénurie », déclare Libre.' },
    ],
    [
      'keywords:\n  - talents en IA\n  - startups\ngenerator: Plume',
      { keywords: ['talents en IA', 'startups'], generator: 'Plume' },
    ],
    ['keywords:\n- talents\n- startups', { keywords: ['talents', 'startups'] }],
    ['constraints_failed: []', { constraints_failed: [] }],
    ['count: 0', { count: 0 }],
  ])('reads %j as yaml does', (text, expected) => {
    expect(readPlainFrontMatter(text)).toEqual(expected);
    expect(readPlainFrontMatter(text)).toEqual(reference(text));
  });

  it.each([
    ['a title in quotes', 'title: "Mon titre : la suite"'],
    ['a comment', '# brouillon\ntitle: Titre'],
    ['a blank line', 'title: Titre\n\nslug: titre'],
    ['a repeated key (yaml refuses it)', 'title: Un\ntitle: Deux'],
    ['a word yaml reads as a boolean', 'draft: yes'],
    ['a reserved key', 'true: vrai'],
    ['an uppercase key', 'seoTitle: Titre'],
    ['a number with a leading zero', 'code: 012'],
    ['a decimal', 'ratio: 1.5'],
    ['a negative number', 'delta: -3'],
    ['a date with a time', 'date: 2024-03-25T10:00:00+01:00'],
    ['an empty value', 'image:'],
    ['a nested map', 'image:\n  path: /a.png'],
    ['items indented two ways', 'tags:\n  - a\n- b'],
    ['an address', 'url: https://exemple.fr/a'],
    ['a trailing space', 'title: Titre '],
    ['Windows line ends', 'title: Titre\r\nslug: titre'],
    ['nothing', ''],
  ])('leaves %s to yaml', (_name, text) => {
    expect(readPlainFrontMatter(text)).toBeUndefined();
  });

  it('reads random front matter as yaml does, or leaves it to yaml', () => {
    // Keys plain and not, and values made of letters, digits and every character YAML gives a meaning.
    const keys = [
      'title',
      'slug',
      'site_name',
      'words',
      'tags',
      'true',
      'Null',
      'seoTitle',
      'a-b',
      '"q"',
      'x y',
      '- a',
      '',
    ];
    const alphabet = [
      ...'aZéÉ09 ’\'".,;:!?()[]{}/%€$+-#&*|>@`~=\\\t',
      '\u00a0',
      '\u202f',
      '«',
      '»',
      '“',
      '”',
      '…',
      '–',
      ': ',
      ' #',
      '- ',
      '  - ',
      '\n',
      '\n  - ',
      'mot',
      'true',
      'null',
      'yes',
      'NO',
      '0x1',
      '1e3',
      '12',
      '2024-03-25',
      // Prose, more often: the fast path's own ground.
      ...Array.from({ length: 20 }, () => ['mot', ' ', 'Été', ', ', '’']).flat(),
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let read = 0;
    for (let run = 0; run < 20_000; run += 1) {
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 3);
      for (let line = 0; line < count; line += 1) {
        let value = '';
        const length = random() < 0.5 ? 1 + Math.floor(random() * 3) : Math.floor(random() * 8);
        for (let index = 0; index < length; index += 1) value += pick(alphabet);
        lines.push(
          `${random() < 0.7 ? (['title', 'slug', 'words', 'tags'][line] as string) : pick(keys)}:${random() < 0.9 ? ' ' : ''}${value}`,
        );
      }
      const text = lines.join('\n');
      const fast = readPlainFrontMatter(text);
      if (fast === undefined) continue;
      read += 1;
      expect(fast, JSON.stringify(text)).toEqual(reference(text));
    }
    // The comparison ran on the fast path, not only on what it leaves to yaml.
    expect(read).toBeGreaterThan(500);
  });
});
