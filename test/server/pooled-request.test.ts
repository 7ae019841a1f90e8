import { describe, expect, it } from 'vitest';
import type { PoolJob } from '../../src/batch/pool-job.js';
import { runPoolJob } from '../../src/batch/run-pool-job.js';
import { createApp } from '../../src/server/create-app.js';
import { HEAVY_SOURCE_SIZE } from '../../src/server/job-source.js';
import { EXAMPLE, jsonInit } from './server-helpers.js';

// Large JSON bodies go to the pool as bytes, parsed and checked there: same answers as small ones.

/** An app whose pool runs each job on this thread and notes its kind. */
function appWithPool() {
  const kinds: string[] = [];
  const app = createApp({
    logError: () => {},
    jobPool: {
      runJob: (job: PoolJob) => {
        kinds.push(job.kind);
        return runPoolJob(job, () => {});
      },
    },
  });
  return { app, kinds };
}

/** The example repeated past the size from which a body goes to the pool as bytes. */
const LARGE_TEXT = Array.from({ length: Math.ceil(HEAVY_SOURCE_SIZE / EXAMPLE.length) + 1 }, (_, index) =>
  EXAMPLE.replace(/\d+/g, String(index)),
).join('\n\n');
const PADDING = 'x'.repeat(HEAVY_SOURCE_SIZE);

describe('a large JSON request is parsed, checked and answered on the pool', () => {
  it('answers a large optimize and audit from bytes the pool thread encoded, and small ones as before', async () => {
    const { app, kinds } = appWithPool();
    const optimize = await app.request('/api/optimize', jsonInit({ text: LARGE_TEXT, minWords: 100 }));
    expect(optimize.status).toBe(200);
    expect(optimize.headers.get('content-type')).toBe('application/json');
    const optimized = (await optimize.json()) as { markdown: string; html: string; done: boolean };
    expect(optimized.markdown.length).toBeGreaterThan(HEAVY_SOURCE_SIZE / 2);
    expect(optimized.html).toContain('<!DOCTYPE html>');
    const audit = await app.request('/api/audit', jsonInit({ text: LARGE_TEXT, keyphrase: 'talents' }));
    expect(audit.status).toBe(200);
    expect(((await audit.json()) as { scores: unknown }).scores).toBeDefined();
    expect(kinds).toEqual(['request', 'request']);
    const small = await app.request('/api/audit', jsonInit({ text: EXAMPLE, keyphrase: 'talents' }));
    expect(small.status).toBe(200);
    expect(kinds).toEqual(['request', 'request', 'audit']);
  });

  it.each([
    ['not JSON', (padding: string) => `{"text": "${padding}`],
    ['an unknown field', (padding: string) => JSON.stringify({ text: 'Un texte.', extra: padding })],
    ['two sources', (padding: string) => JSON.stringify({ text: padding, markdown: padding })],
    // Blanks between JSON tokens make a large body of a small request.
    ['no source', (padding: string) => `{${padding.replace(/x/g, ' ')}"keyphrase": "talents"}`],
    ['a writer the server lacks', (padding: string) => JSON.stringify({ text: padding, writer: 'llm' })],
    ['a bad field value', (padding: string) => JSON.stringify({ text: padding, minWords: -3 })],
  ])('answers a large body with %s as it answers a small one', async (_label, body) => {
    const { app, kinds } = appWithPool();
    for (const route of ['/api/optimize', '/api/audit']) {
      const small = await app.request(route, jsonInit(body('x')));
      const large = await app.request(route, jsonInit(body(PADDING)));
      expect(large.status).toBe(small.status);
      expect(small.status).toBeGreaterThanOrEqual(400);
      expect(await large.json()).toEqual(await small.json());
    }
    // Each large body went to the pool (the small ones were refused before any job).
    expect(kinds.every((kind) => kind === 'request')).toBe(true);
    expect(kinds.length).toBeGreaterThan(0);
  });
});
