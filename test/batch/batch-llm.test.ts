import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchReport } from '../../src/batch/run-batch.js';
import { cooperativeScript } from '../helpers/fake-llm.js';
import { httpScript } from '../helpers/http-cooperative-script.js';
import { startOpenAiTestServer } from '../helpers/openai-test-server.js';
import { runPlumeCli } from './helpers/plume-batch-bin.js';

// `plume batch --provider …` against a fake OpenAI-shaped server in this process: no real API is called.

const ENGLISH_ARTICLE = readFileSync(
  fileURLToPath(new URL('../golden/english-article/input.txt', import.meta.url)),
  'utf8',
);
const root = mkdtempSync(join(tmpdir(), 'plume-batch-llm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('plume batch with an LLM provider', () => {
  it('writes every article with the LLM writer, one provider and cache for the batch, spending summed', async () => {
    const server = await startOpenAiTestServer({
      script: httpScript(cooperativeScript({ keyphrase: 'semaine de quatre jours', passages: 14 })),
    });
    try {
      mkdirSync(join(root, 'in'));
      for (const [index, name] of ['monday.txt', 'tuesday.txt', 'friday.md'].entries()) {
        writeFileSync(join(root, 'in', name), `${ENGLISH_ARTICLE}\nVersion ${index + 1}.\n`);
      }
      const run = await runPlumeCli(
        [
          'batch',
          'in',
          '-o',
          'out',
          '--provider',
          'openai-compatible',
          '--base-url',
          server.baseUrl,
          '--model',
          'test-model',
          '--concurrency',
          '3',
          '--calls-in-flight',
          '2',
          '--cache-dir',
          'cache',
          '--date',
          '2024-03-25',
        ],
        {
          cwd: root,
          env: { PLUME_API_KEY: 'sk-test-SECRET123', PLUME_PROVIDER: undefined, OPENAI_API_KEY: undefined },
        },
      );
      expect(run.stderr).not.toContain('erreur');
      expect(run.code).toBe(0);
      const report = JSON.parse(readFileSync(join(root, 'out', 'batch-report.json'), 'utf8')) as BatchReport;
      expect(report.writer).toBe('openai-compatible:test-model');
      expect(report.totals).toMatchObject({ articles: 3, written: 3, passed: 3, errors: 0 });
      expect(report.writerStats.calls).toBe(server.requests.length);
      expect(run.stdout).toMatch(
        new RegExp(`^Rédacteur openai-compatible:test-model : ${server.requests.length} appels`, 'm'),
      );
      for (const article of report.articles) {
        const json = JSON.parse(readFileSync(join(root, 'out', article.files?.[2] ?? ''), 'utf8'));
        expect(json.report.writer).toBe('openai-compatible:test-model');
        expect(json.report.source.language).toBe('en');
        expect(json.metadata.locale).toBe('fr-FR');
      }
      expect(run.stdout + run.stderr).not.toContain('SECRET123');
    } finally {
      await server.close();
    }
  });
});
