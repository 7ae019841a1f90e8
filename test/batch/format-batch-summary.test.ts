import { PassThrough } from 'node:stream';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createBatchProgress } from '../../src/batch/batch-progress.js';
import { formatBatchSummary, formatDuration } from '../../src/batch/format-batch-summary.js';
import type { BatchArticleResult, BatchEvent, BatchReport, BatchTotals } from '../../src/batch/run-batch.js';

const ARTICLES: BatchArticleResult[] = [
  {
    input: 'in/a.txt',
    status: 'written',
    words: 1087,
    seoScore: 92,
    passed: true,
    failedConstraints: [],
    durationMs: 20,
  },
  {
    input: 'in/b.txt',
    status: 'skipped',
    words: 379,
    seoScore: 85,
    passed: false,
    failedConstraints: ['length', 'language'],
    durationMs: 0,
  },
  {
    input: 'in/c.bin',
    status: 'error',
    error: 'in/c.bin looks like a binary file, not text.',
    errorKind: 'input',
    durationMs: 1,
  },
];
const TOTALS: BatchTotals = {
  articles: 3,
  written: 1,
  skipped: 1,
  passed: 1,
  constraintFailed: 1,
  errors: 1,
};

const report = (overrides: Partial<BatchReport> = {}): BatchReport => ({
  generator: 'Plume',
  version: 1,
  startedAt: '2024-03-25T10:00:00.000Z',
  finishedAt: '2024-03-25T10:00:03.200Z',
  durationMs: 3200,
  outputDirectory: 'out',
  options: { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false },
  writer: 'offline',
  processor: '2 worker threads',
  interrupted: false,
  totals: TOTALS,
  writerStats: { calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, estimatedCostUsd: null },
  articles: ARTICLES,
  ...overrides,
});

describe('formatBatchSummary', () => {
  it('prints one row per article, the errors under their row, and the totals', () => {
    expect(formatBatchSummary(report(), { reportPath: 'out/batch-report.json' })).toBe(
      [
        'Fichier    Mots  SEO  Contraintes               Statut',
        'in/a.txt  1\u00a0087   92  ok                        écrit',
        'in/b.txt    379   85  échec : longueur, langue  déjà à jour',
        'in/c.bin      —    —  —                         erreur',
        '  ↳ in/c.bin looks like a binary file, not text.',
        '',
        '3 articles en 3,2 s : 1 écrit, 1 déjà à jour, 1 conforme, 1 avec une contrainte non respectée, 1 en erreur',
        'Rapport : out/batch-report.json',
        '',
      ].join('\n'),
    );
  });

  it('adds the LLM spending and says when the batch was interrupted', () => {
    const text = formatBatchSummary(
      report({
        writer: 'openai:gpt-4o-mini',
        interrupted: true,
        writerStats: {
          calls: 42,
          cachedCalls: 3,
          inputTokens: 120_000,
          outputTokens: 30_000,
          estimatedCostUsd: 0.036,
        },
      }),
    );
    expect(text).toContain(
      'Rédacteur openai:gpt-4o-mini : 42 appels (+ 3 en cache), 120\u00a0000 jetons envoyés, 30\u00a0000 reçus, coût estimé 0,036 $',
    );
    expect(text).toContain('Interrompu : relancez la même commande pour finir les articles restants.');
  });

  it.each([
    [850, '850 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [3240, '3,2 s'],
    [59_960, '1 min'],
    [119_600, '2 min'],
    [125_000, '2 min 05 s'],
    [3_599_600, '1 h'],
    [3_900_000, '1 h 05 min'],
  ])('formats %d ms as « %s », never « 1 min 60 s »', (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });

  it('measures columns in terminal cells: decomposed accents and wide characters line up', () => {
    const names = ['in/e\u0301te\u0301.txt', 'in/été.txt', 'in/日本.txt'];
    const articles = names.map((input) => ({ ...ARTICLES[0], input }) as BatchArticleResult);
    const lines = formatBatchSummary(report({ articles })).split('\n').slice(1, 4);
    const statusColumn = lines.map((line) => stringWidth(line.slice(0, line.lastIndexOf('écrit'))));
    expect(new Set(statusColumn).size).toBe(1);
  });
});

describe('createBatchProgress', () => {
  const events = (): BatchEvent[] =>
    ARTICLES.map((result, index) => ({
      type: 'article',
      result,
      completed: index + 1,
      total: 4,
      totals: TOTALS,
    }));

  it('writes one plain line per article when not on a terminal', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk) => {
      text += chunk;
    });
    const progress = createBatchProgress({ stream, interactive: false });
    for (const event of events()) progress.onEvent(event);
    progress.finish();
    expect(text).toBe(
      [
        'plume: [1/4] in/a.txt : écrit (SEO 92, contraintes ok)',
        'plume: [2/4] in/b.txt : déjà à jour (SEO 85, échec : longueur, langue)',
        'plume: [3/4] in/c.bin : erreur : in/c.bin looks like a binary file, not text.',
        '',
      ].join('\n'),
    );
  });

  it('redraws one bar in place on a terminal: done/total, rate, time left, failures', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk) => {
      text += chunk;
    });
    let clock = 0;
    const progress = createBatchProgress({ stream, interactive: true, now: () => clock });
    for (const event of events()) {
      clock += 500;
      progress.onEvent(event);
    }
    const frames = text.split('\r\u001b[2K').filter(Boolean);
    expect(frames.at(-1)).toBe(
      `[${'█'.repeat(18)}${'░'.repeat(6)}]  3/4  1,3 articles/s  reste 750 ms  échecs 1  contraintes non respectées 1`,
    );
    progress.finish();
    expect(text.endsWith('\r\u001b[2K')).toBe(true);
  });
});
