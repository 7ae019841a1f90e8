import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchSummaryLines, formatBatchSummary } from '../../src/batch/format-batch-summary.js';
import type { BatchReport } from '../../src/batch/run-batch.js';
import { readBatchReportArticles, writeBatchReport } from '../../src/batch/write-batch-report.js';
import { readFileInSlices } from '../../src/io/read-file-in-slices.js';

const root = mkdtempSync(join(tmpdir(), 'plume-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const report = (articles: BatchReport['articles']): BatchReport => ({
  generator: 'Plume',
  version: 1,
  startedAt: '2024-03-25T10:00:00.000Z',
  finishedAt: '2024-03-25T10:00:01.000Z',
  durationMs: 1000,
  outputDirectory: 'out',
  options: { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false },
  writer: 'offline',
  processor: '1 worker thread',
  interrupted: false,
  totals: { articles: articles.length, written: 0, skipped: 0, passed: 0, constraintFailed: 0, errors: 0 },
  writerStats: { calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, estimatedCostUsd: 0 },
  articles,
});

const article = (index: number): BatchReport['articles'][number] => ({
  input: `articles/« ${index} ».md`,
  status: index % 3 === 0 ? 'error' : 'written',
  slug: `article-${index}`,
  files: [`article-${index}.md`, `article-${index}.html`],
  failedConstraints: index % 2 === 0 ? [] : ['length'],
  ...(index % 3 === 0 ? { error: 'Fichier introuvable :\n« x »', errorKind: 'input' as const } : {}),
  durationMs: index,
});

describe('writeBatchReport', () => {
  it.each([0, 1, 3, 20_000])(
    'writes what JSON.stringify(report, null, 2) would, with %i articles',
    async (count) => {
      const directory = mkdtempSync(join(root, 'case-'));
      const expected = report(Array.from({ length: count }, (_, index) => article(index)));
      await writeBatchReport(join(directory, 'batch-report.json'), expected);
      expect(readFileSync(join(directory, 'batch-report.json'), 'utf8')).toBe(
        `${JSON.stringify(expected, null, 2)}\n`,
      );
      expect(readdirSync(directory)).toEqual(['batch-report.json']);
    },
  );
});

describe('readBatchReportArticles', () => {
  it.each([0, 1, 3, 2_000])('reads back the %i articles written, one at a time', async (count) => {
    const directory = mkdtempSync(join(root, 'read-'));
    const path = join(directory, 'batch-report.json');
    const expected = report(Array.from({ length: count }, (_, index) => article(index)));
    await writeBatchReport(path, expected);
    expect([...readBatchReportArticles(path)]).toEqual(expected.articles);
    // The summary printed from the file is the one printed from the list.
    const lines = batchSummaryLines(expected, () => readBatchReportArticles(path), { reportPath: path });
    expect(`${[...lines].join('\n')}\n`).toBe(formatBatchSummary(expected, { reportPath: path }));
  });

  it('prints the file as it is, a slice at a time, never a character cut in two', async () => {
    const directory = mkdtempSync(join(root, 'slices-'));
    const path = join(directory, 'batch-report.json');
    await writeBatchReport(path, report(Array.from({ length: 50 }, (_, index) => article(index))));
    const slices = [...readFileInSlices(path, 7)];
    expect(slices.length).toBeGreaterThan(100);
    expect(slices.join('')).toBe(readFileSync(path, 'utf8'));
  });
});
