import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { optimize } from '../../src/optimize.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The example and corpus articles whose Markdown output is read back as a source. */
const ARTICLES = [
  'examples/talents-ia.txt',
  'test/corpus/fr-txt-hard-wrapped/source.txt',
  'test/corpus/fr-md-eleventy-sav-truffaut/source.md',
  'test/corpus/fr-md-eleventy-tout-change/source.md',
  'test/corpus/fr-md-jekyll-diceware/source.md',
];

function headings(tree: Root): string[] {
  const texts: string[] = [];
  visit(tree, 'heading', (node) => {
    texts.push(`${node.depth}:${mdastToString(node)}`);
  });
  return texts;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

describe('Plume’s own Markdown is a fixed point', () => {
  it.each(ARTICLES)(
    '%s: md → md keeps H1, headings, words, one L’essentiel and one Sommaire',
    async (path) => {
      const fileName = path.split('/').pop() as string;
      const first = await optimize(readFileSync(`${root}${path}`, 'utf8'), { fileName, locale: 'fr-FR' });
      const again = await optimize(first.markdown, { fileName: 'article.md', locale: 'fr-FR' });
      expect(again.article.metadata.h1).toBe(first.article.metadata.h1);
      expect(headings(again.article.tree)).toEqual(headings(first.article.tree));
      expect(again.report.statistics.bodyWords).toBe(first.report.statistics.bodyWords);
      expect(count(again.markdown, /\*\*L’essentiel\*\*/g)).toBe(
        count(first.markdown, /\*\*L’essentiel\*\*/g),
      );
      expect(count(again.markdown, /\*\*Sommaire\*\*/g)).toBe(count(first.markdown, /\*\*Sommaire\*\*/g));
      expect(count(again.markdown, /\*\*Sommaire\*\*/g)).toBeLessThanOrEqual(1);
    },
    60_000,
  );
});

/** Corpus articles whose HTML page lost a heading when read back (short sections, footnotes). */
const PAGES = [
  'test/corpus/fr-md-eleventy-short-transferts/source.md',
  'test/corpus/fr-md-eleventy-tout-change/source.md',
  'test/corpus/fr-md-hugo-kodi-sfr-tv/source.md',
  'test/corpus/fr-md-long-eleventy-introduction/source.md',
];

describe('Plume’s own HTML page is a fixed point', () => {
  it.each(PAGES)(
    '%s: html → md keeps H1, headings and words (the page’s <article> read as it is)',
    async (path) => {
      const fileName = path.split('/').pop() as string;
      const first = await optimize(readFileSync(`${root}${path}`, 'utf8'), { fileName, locale: 'fr-FR' });
      const again = await optimize(first.html, { fileName: 'article.html', locale: 'fr-FR' });
      expect(again.article.metadata.h1).toBe(first.article.metadata.h1);
      expect(headings(again.article.tree)).toEqual(headings(first.article.tree));
      expect(again.report.statistics.bodyWords).toBe(first.report.statistics.bodyWords);
    },
    60_000,
  );
});
