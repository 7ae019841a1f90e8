import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { optimize } from '../../src/optimize.js';
import { foreignKeyphrases } from '../../src/plan/foreign-keyphrase.js';

const corpus = (path: string) => readFileSync(new URL(`../corpus/${path}`, import.meta.url), 'utf8');

async function analysisOf(path: string) {
  return analyze(await ingest(corpus(path), { fileName: path.split('/').pop() as string }));
}

describe('foreignKeyphrases', () => {
  it.each([
    ['es-md-eleventy-practicas-estoicas/source.md', 'filosofía de vida'],
    ['en-html-wordpress-mozilla-hacks/source.html', 'Fetch API'],
    ['en-md-hugo-pandoc-latex/source.md', 'LaTeX header'],
  ])('%s: a repeated phrase in the source language, « %s »', async (path, expected) => {
    const candidates = foreignKeyphrases(await analysisOf(path));
    expect(candidates?.[0]?.phrase).toBe(expected);
  });

  it('never starts or ends a phrase with a function word of the language', async () => {
    const candidates =
      foreignKeyphrases(await analysisOf('es-md-eleventy-practicas-estoicas/source.md')) ?? [];
    for (const candidate of candidates) {
      expect(candidate.phrase.toLowerCase()).not.toMatch(
        /^(no|el|la|de|que|y|en)\b|\b(no|el|la|de|que|y|en)$/u,
      );
    }
  });

  it('leaves French text to the French extractor', async () => {
    expect(foreignKeyphrases(await analysisOf('fr-md-jekyll-diceware/source.md'))).toBeUndefined();
  });

  it('gives a Spanish article a Spanish keyphrase, not « no »', async () => {
    const result = await optimize(corpus('es-md-eleventy-practicas-estoicas/source.md'), {
      fileName: 'source.md',
    });
    expect(result.plan.keyphrase).toBe('filosofía de vida');
    expect(result.report.passed).toBe(false);
  });
});
