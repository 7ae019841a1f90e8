import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { resolveBrief } from '../src/brief.js';
import { parseText } from '../src/ingest/parse-text.js';
import { optimize } from '../src/optimize.js';
import { planArticle } from '../src/plan/plan-article.js';
import { createOfflineWriter } from '../src/write/offline-writer.js';
import type { Writer } from '../src/write/writer.js';

const example = readFileSync(new URL('../examples/talents-ia.txt', import.meta.url), 'utf8');

/** The offline writer, except that its plan carries `slug`: what a model (or a bug) could answer. */
function writerWithSlug(slug: string): Writer {
  const offline = createOfflineWriter();
  return {
    ...offline,
    write: async (context, plan) => {
      const written = await offline.write(context, plan);
      return { ...written, plan: { ...written.plan, slug } };
    },
  };
}

describe('optimize: one isValidSlug for every origin', () => {
  it.each(['../../victim', 'sub/x', '.cache', 'a\nb', 'Talents IA'])(
    'replaces a writer’s slug %j by the one built from the keyphrase, with a warning',
    async (slug) => {
      const result = await optimize(example, { writer: writerWithSlug(slug) });
      expect(result.article.metadata.slug).toBe('talents-ia');
      expect(result.plan.slug).toBe('talents-ia');
      expect(result.report.warnings).toEqual([
        expect.stringMatching(/^Slug proposé par le rédacteur ignoré : « .+ » n’est pas un slug valide\.$/),
        expect.stringMatching(/^Pas d’image à la une/),
      ]);
    },
  );

  it.each(['../x', 'sub/x', '', 'x'.repeat(76)])(
    'refuses an imposed slug %j with an input error',
    async (slug) => {
      await expect(optimize(example, { slug })).rejects.toMatchObject({
        name: 'InputError',
        code: 'invalid-metadata',
      });
    },
  );

  it('refuses an imposed URL or date that cannot be published', async () => {
    await expect(optimize(example, { canonicalUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'invalid-metadata',
    });
    await expect(optimize(example, { date: '2024-02-03T99:99:99Z' })).rejects.toMatchObject({
      code: 'invalid-metadata',
    });
  });

  it('plans with the built slug when the document brings one that is not valid', () => {
    const document = parseText(example);
    document.metadata.slug = '../../victim';
    const analysis = analyze(document, { keyphrase: 'talents en IA' });
    expect(planArticle(document, analysis, {}).slug).toBe('talents-ia');
    const brief = resolveBrief(document.metadata, { slug: 'sub/x', minWords: 700, locale: 'fr-FR' });
    expect(planArticle(document, analysis, { brief }).slug).toBe('talents-ia');
  });
});
