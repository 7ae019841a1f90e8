import { readFileSync } from 'node:fs';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { optimize } from '../src/optimize.js';
import { type SitePage, siteOriginOfPages } from '../src/plan/site-page.js';
import { createLlmWriter } from '../src/write/llm/llm-writer.js';
import { cooperativeScript, createFakeModel } from './helpers/fake-llm.js';

const EXAMPLE = readFileSync(new URL('../examples/talents-ia.txt', import.meta.url), 'utf8');
const DATE = '2024-03-25';
const PAGES: SitePage[] = [
  { url: 'https://www.exemple.fr/ia-generative/', title: 'L’IA générative expliquée aux recruteurs' },
  { url: 'https://www.exemple.fr/formation/', title: 'La formation interne en entreprise' },
  { url: 'https://www.exemple.fr/talents-ia/', title: 'Talents en IA : la grande bataille' },
];

describe('optimize with the site’s pages (« maillage interne »)', () => {
  it('offline: links added on the source’s words, fidelity and coverage kept, counted as internal', async () => {
    const plain = await optimize(EXAMPLE, { date: DATE, keyphrase: 'talents en IA' });
    const linked = await optimize(EXAMPLE, {
      date: DATE,
      keyphrase: 'talents en IA',
      sitePages: PAGES,
      siteUrl: 'https://www.exemple.fr/',
    });
    expect(plain.report.internalLinks).toBeUndefined();
    expect(linked.report.internalLinks).toEqual([
      { url: PAGES[0]?.url, title: PAGES[0]?.title, anchor: 'IA générative' },
    ]);
    expect(linked.report.passed).toBe(true);
    expect(mdastToString(linked.article.tree)).toBe(mdastToString(plain.article.tree));
    expect(linked.markdown).toContain('[IA générative](https://www.exemple.fr/ia-generative/)');
    const internal = linked.report.results.find((result) => result.id === 'internal-links');
    expect(internal?.score).toBeGreaterThan(
      plain.report.results.find((result) => result.id === 'internal-links')?.score ?? 0,
    );
    expect(linked.report.results.find((result) => result.id === 'competing-links')?.score).toBe(9);
  });

  it('without a site address, the pages’ own origin makes the added links internal', async () => {
    const linked = await optimize(EXAMPLE, { date: DATE, keyphrase: 'talents en IA', sitePages: PAGES });
    expect(linked.report.internalLinks?.length).toBeGreaterThan(0);
    expect(linked.report.results.find((result) => result.id === 'internal-links')?.rating).toBe('good');
  });

  it.each([
    [[], null],
    [[{ url: '/a/', title: 'A' }], null],
    [PAGES, 'https://www.exemple.fr'],
    [[...PAGES, { url: 'https://autre.fr/b/', title: 'B' }], null],
  ] as [SitePage[], string | null][])('siteOriginOfPages %#', (pages, expected) => {
    expect(siteOriginOfPages(pages)).toBe(expected);
  });

  it('the LLM writer’s article gets its links at the same polish stage', async () => {
    const model = createFakeModel(cooperativeScript({ keyphrase: 'talents en IA', passages: 29 }));
    const result = await optimize(EXAMPLE, {
      writer: createLlmWriter({ model }),
      date: DATE,
      keyphrase: 'talents en IA',
      sitePages: PAGES,
    });
    expect(result.report.passed).toBe(true);
    expect(result.report.internalLinks?.map((link) => link.anchor)).toContain('formation interne');
    expect(result.markdown).toContain('[formation interne](https://www.exemple.fr/formation/)');
  });
});
