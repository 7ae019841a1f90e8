import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_CONFIG } from '../src/audit/audit-config.js';
import { type BriefWishes, resolveBrief } from '../src/brief.js';
import type { SourceMetadata } from '../src/document.js';
import type { CompletionRequest } from '../src/llm/language-model.js';
import { optimize } from '../src/optimize.js';
import { createLlmWriter } from '../src/write/llm/llm-writer.js';
import { cooperativeScript, createFakeModel, kindOf } from './helpers/fake-llm.js';

const EXAMPLE = readFileSync(new URL('../examples/talents-ia.txt', import.meta.url), 'utf8');
const DATE = '2024-03-25';
const BASE = { minWords: 700, locale: 'fr-FR' };

describe('resolveBrief: flag > front matter > none, once', () => {
  const cases: ReadonlyArray<
    readonly [string, SourceMetadata, Partial<BriefWishes>, ReturnType<typeof resolveBrief>]
  > = [
    ['nothing given', {}, {}, { ...BASE }],
    [
      'front matter only',
      { keyphrase: ' recrutement ', slug: 'mon-slug' },
      {},
      {
        ...BASE,
        keyphrase: { text: 'recrutement', origin: 'source' },
        slug: { text: 'mon-slug', origin: 'source' },
      },
    ],
    [
      'the flag wins over the front matter',
      { keyphrase: 'recrutement', title: 'Titre de la source' },
      { keyphrase: 'talents en IA', title: 'Mon titre' },
      {
        ...BASE,
        keyphrase: { text: 'talents en IA', origin: 'given' },
        title: { text: 'Mon titre', origin: 'given' },
      },
    ],
    [
      'a blank flag falls back to the front matter',
      { description: 'La description de la source.' },
      { description: '   ' },
      { ...BASE, description: { text: 'La description de la source.', origin: 'source' } },
    ],
    ['a blank front matter counts as absent', { keyphrase: '  ' }, {}, { ...BASE }],
  ];
  it.each(cases)('%s', (_name, metadata, wishes, expected) => {
    expect(resolveBrief(metadata, { ...BASE, ...wishes })).toEqual(expected);
  });
});

describe('the brief reaches every writer', () => {
  const withFrontMatter = `---\nkeyphrase: recrutement des ingénieurs\n---\n${EXAMPLE}`;

  it('the LLM writer keeps a keyphrase given in the front matter', async () => {
    // The model proposes its own keyphrase, as a model does when the prompt imposes none.
    const model = createFakeModel(cooperativeScript({ keyphrase: 'talents en IA', passages: 29 }));
    const result = await optimize(withFrontMatter, {
      format: 'markdown',
      writer: createLlmWriter({ model }),
      date: DATE,
    });
    const planRequest = model.requests.find((request) => kindOf(request) === 'plan') as CompletionRequest;
    expect(planRequest.messages[1]?.content).toContain(
      'Expression-clé imposée : « recrutement des ingénieurs »',
    );
    expect(result.plan.keyphrase).toBe('recrutement des ingénieurs');
    expect(result.report.keyphraseOrigin).toBe('source');
  });

  it('the offline writer keeps it too, with the same origin', async () => {
    const result = await optimize(withFrontMatter, { format: 'markdown', date: DATE });
    expect(result.plan.keyphrase).toBe('recrutement des ingénieurs');
    expect(result.report.keyphraseOrigin).toBe('source');
  });
});

describe('one audit config feeds the planner, the writers and the audit', () => {
  const h2Count = (result: Awaited<ReturnType<typeof optimize>>) =>
    result.plan.sections.filter((section) => section.depth === 2).length;

  it('plans smaller sections and a shorter description when the thresholds say so, and passes', async () => {
    const defaults = await optimize(EXAMPLE, { date: DATE });
    // The example's lead has no whole sentence of 120–130 characters: a site that allows 90–130
    // gets its 102-character opening sentence, with the keyphrase, instead of the default's 144.
    const config = {
      subheadingDistribution: { maxWords: 200 },
      metaDescription: { minCharacters: 90, maxCharacters: 130 },
    };
    const tight = await optimize(EXAMPLE, { date: DATE, config });
    expect(defaults.report.passed).toBe(true);
    expect(h2Count(tight)).toBeGreaterThan(h2Count(defaults));
    expect([...defaults.plan.description].length).toBeGreaterThan(130);
    expect([...defaults.plan.description].length).toBeGreaterThanOrEqual(
      DEFAULT_AUDIT_CONFIG.metaDescription.minCharacters,
    );
    expect([...tight.plan.description].length).toBeLessThanOrEqual(130);
    expect([...tight.plan.description].length).toBeGreaterThanOrEqual(90);
    expect(tight.report.constraints.filter((constraint) => !constraint.passed)).toEqual([]);
    expect(tight.report.passed).toBe(true);
  });

  it('the LLM writer caps section budgets and fixes the description by the same thresholds', async () => {
    const model = createFakeModel(cooperativeScript({ keyphrase: 'talents en IA', passages: 29 }));
    const config = { subheadingDistribution: { maxWords: 200 }, metaDescription: { maxCharacters: 130 } };
    const result = await optimize(EXAMPLE, {
      writer: createLlmWriter({ model }),
      date: DATE,
      keyphrase: 'talents en IA',
      config,
    });
    for (const section of result.plan.sections) expect(section.wordBudget).toBeLessThan(200);
    expect([...result.plan.description].length).toBeLessThanOrEqual(130);
  });
});
