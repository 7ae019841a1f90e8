import { describe, expect, it } from 'vitest';
import { isIntroductionHeading, tableOfContentsIndex } from '../../src/render/table-of-contents-place.js';

describe('isIntroductionHeading', () => {
  it.each([
    ['Introduction', true],
    ['1. Introduction', true],
    ['I – Introduction', true],
    ['2) introduction', true],
    ['Une introduction à Eleventy', false],
    ['Introduction et installation', false],
    ['Conclusion', false],
  ])('%s → %s', (text, expected) => {
    expect(isIntroductionHeading(text)).toBe(expected);
  });
});

describe('tableOfContentsIndex', () => {
  // A body as the renderers see it: `#` H1, `##`/`###` headings, `·` a newline between HTML elements,
  // anything else a paragraph.
  const reader = {
    level: (node: string) => (/^#+ /.test(node) ? (node.indexOf(' ') as number) : 0),
    text: (node: string) => node.replace(/^#+ /, ''),
    isBlank: (node: string) => node === '·',
  };
  it.each([
    ['before the first section', ['# Titre', 'Intro.', '## A', 'a', '## B'], 2],
    ['after the H1 when there is no section', ['# Titre', 'Texte.'], 1],
    ['at the top when the body opens on a section', ['# Titre', '## A', 'a', '## B'], 1],
    [
      'after the author’s « Introduction » when the body opens on it',
      ['# Titre', '·', '## 1. Introduction', 'a', '### Détail', 'b', '## 2. Installation', 'c'],
      6,
    ],
    [
      'before « Introduction » when a paragraph opens the body',
      ['# Titre', 'Chapô.', '## Introduction', 'a', '## Suite'],
      2,
    ],
    ['before « Introduction » when it is the only section', ['# Titre', '## Introduction', 'a'], 1],
  ])('%s', (_name, nodes, expected) => {
    expect(tableOfContentsIndex(nodes, reader)).toBe(expected);
  });
});
