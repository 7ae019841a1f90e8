import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runArticleTask } from '../../src/batch/run-article-task.js';
import { optimize } from '../../src/optimize.js';
import { optimizeResponseBody } from '../../src/server/server-jobs.js';
import { createOfflineWriter } from '../../src/write/offline-writer.js';
import type { Writer } from '../../src/write/writer.js';

const EXAMPLE = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');

/** The offline work an LLM writer falls back to when its model fails: the article is written, degraded. */
function degradedWriter(): Writer {
  const offline = createOfflineWriter();
  return {
    ...offline,
    name: 'test:failing-model',
    async plan(context) {
      context.stats.degraded = true;
      return offline.plan(context);
    },
  };
}

const task = {
  fileName: 'talents-ia.txt',
  text: EXAMPLE,
  options: { minWords: 300, locale: 'fr-FR', tableOfContents: true, faq: false },
  defaultDate: '2024-03-25',
};

describe('a degraded LLM run is not « done » in the batch and the server', () => {
  it('the batch counts the article as failed, with the reason', async () => {
    const healthy = await runArticleTask(task);
    expect(healthy.passed).toBe(true);
    const outcome = await runArticleTask(task, { writer: degradedWriter() });
    expect(outcome.passed).toBe(false);
    expect(outcome.failedConstraints).toEqual(['degraded']);
  });

  it('the server flags the result as not done', async () => {
    const healthy = JSON.parse(optimizeResponseBody(await optimize(EXAMPLE, { minWords: 300 })));
    expect(healthy.done).toBe(true);
    const degraded = await optimize(EXAMPLE, { minWords: 300, writer: degradedWriter() });
    const body = JSON.parse(optimizeResponseBody(degraded));
    expect(body.done).toBe(false);
    expect(body.report.writerStats.degraded).toBe(true);
  });
});
