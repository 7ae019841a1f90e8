import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchReport } from '../../src/batch/run-batch.js';
import { jobDelayEnv } from '../helpers/job-delay.js';
import { assembleArticles } from './helpers/batch-articles.js';
import { runPlumeCli, spawnPlume } from './helpers/plume-batch-bin.js';
import { freePort, type RedisServer, SKIP_DISTRIBUTED, startRedisServer } from './helpers/redis-server.js';

const root = mkdtempSync(join(tmpdir(), 'plume-batch-queue-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Six articles: the Markdown and HTML golden inputs and the three variants of the example. */
const INPUTS = ['articles/*.{md,html}', 'articles/variants'];
/**
 * Test timings: a job waits 300 ms (test-only delay); a dead worker's lock expires after 2 s (a live
 * worker renews it every second, which a loaded machine still manages).
 */
const WORKER_ENV = {
  ...jobDelayEnv(300),
  PLUME_QUEUE_LOCK_DURATION_MS: '2000',
  PLUME_QUEUE_STALLED_INTERVAL_MS: '1000',
};

const jobLines = (log: string, verb: string) =>
  [...log.matchAll(new RegExp(`^plume worker: ${verb} (\\S+) \\(job (\\w+)`, 'gm'))].map((match) => ({
    input: match[1] ?? '',
    job: match[2] ?? '',
  }));

describe('unreachable Redis', () => {
  it('plume batch --queue and plume worker say so in one line and exit 2 at once', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    assembleArticles(join(root, 'unreachable'));
    const cwd = join(root, 'unreachable');
    const [batch, worker] = await Promise.all([
      runPlumeCli(['batch', 'articles', '-o', 'out', '--queue', url], { cwd }),
      runPlumeCli(['worker', '--queue', url], { cwd }),
    ]);
    for (const run of [batch, worker]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`plume: impossible de joindre Redis à ${url} : connexion refusée\n`);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(join(cwd, 'out', 'batch-report.json'))).toBe(false);
  });
});

describe.skipIf(SKIP_DISTRIBUTED)('plume batch --queue with plume workers (real redis-server)', () => {
  let redis: RedisServer;
  const cwd = join(root, 'distributed');
  beforeAll(async () => {
    redis = await startRedisServer();
    assembleArticles(cwd);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('takes back the job of a worker killed mid-job: every article done exactly once, and the batch exits', async () => {
    const workerArgs = ['worker', '--queue', redis.url, '--concurrency', '1'];
    // The doomed worker never gets to finish its job, however late the kill comes.
    const doomed = spawnPlume(workerArgs, { cwd, env: { ...WORKER_ENV, ...jobDelayEnv(600_000) } });
    const survivor = spawnPlume(workerArgs, { cwd, env: WORKER_ENV });
    try {
      await Promise.all([doomed.waitFor(/^plume worker: ready/), survivor.waitFor(/^plume worker: ready/)]);
      const batch = spawnPlume(
        ['batch', ...INPUTS, '-o', 'out', '--queue', redis.url, '--date', '2024-03-25'],
        {
          cwd,
        },
      );
      const started = jobLines(await doomed.waitFor(/^plume worker: started /), 'started')[0];
      doomed.child.kill('SIGKILL');
      const run = await batch.exited;
      expect(run.stderr).not.toMatch(/error/i);
      expect([0, 3]).toContain(run.code);

      const report = JSON.parse(readFileSync(join(cwd, 'out', 'batch-report.json'), 'utf8')) as BatchReport;
      expect(report.writer).toBe('queue');
      expect(report.processor).toBe(`queue "plume" at ${redis.url}`);
      expect(report.totals).toMatchObject({ articles: 6, written: 6, errors: 0 });
      const files = readdirSync(join(cwd, 'out'));
      expect(files.filter((name) => name.endsWith('.md'))).toHaveLength(6);
      expect(files.filter((name) => name.endsWith('.report.json'))).toHaveLength(6);

      // The killed worker finished nothing; the survivor finished every job once, the taken-back one included.
      expect(jobLines(doomed.stderr, 'done')).toEqual([]);
      const done = jobLines(survivor.stderr, 'done');
      expect(done).toHaveLength(6);
      expect(new Set(done.map((line) => line.job)).size).toBe(6);
      expect(done.map((line) => line.job)).toContain(started?.job);
    } finally {
      doomed.child.kill('SIGKILL');
      survivor.child.kill('SIGTERM');
    }
    // SIGTERM: the survivor stops taking jobs and exits 0.
    const stopped = await survivor.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toMatch(/^plume worker: stopped \(6 done, 0 failed\)$/m);
  });

  it('a restarted batch collects the finished jobs by id instead of enqueueing them again', async () => {
    rmSync(join(cwd, 'out'), { recursive: true, force: true });
    // No worker runs now: only jobs already done (same content hash, same job id) can answer.
    const run = await runPlumeCli(
      ['batch', ...INPUTS, '-o', 'out', '--queue', redis.url, '--date', '2024-03-25'],
      {
        cwd,
      },
    );
    expect([0, 3]).toContain(run.code);
    expect(run.stderr).toContain('no worker is serving queue "plume" yet');
    const report = JSON.parse(readFileSync(join(cwd, 'out', 'batch-report.json'), 'utf8')) as BatchReport;
    expect(report.totals).toMatchObject({ articles: 6, written: 6, errors: 0 });
  });
});

describe.skipIf(SKIP_DISTRIBUTED)('a Redis that accepts connections but never answers (SIGSTOP)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('plume batch --queue and plume worker give one line and exit 2 once the start-up timeout passes', async () => {
    const cwd = join(root, 'paused');
    assembleArticles(cwd);
    // A short limit keeps the test quick; nothing asserts how long the runs took.
    const env = { PLUME_REDIS_TIMEOUT_MS: '500' };
    redis.pause();
    try {
      const [batch, worker] = await Promise.all([
        runPlumeCli(['batch', 'articles', '-o', 'out', '--queue', redis.url], { cwd, env }),
        runPlumeCli(['worker', '--queue', redis.url], { cwd, env }),
      ]);
      for (const run of [batch, worker]) {
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(
          `plume: Redis à ${redis.url} accepte la connexion mais ne répond pas (rien en 500 ms) : est-il arrêté ou surchargé ?\n`,
        );
        expect(run.stdout).toBe('');
      }
      expect(existsSync(join(cwd, 'out', 'batch-report.json'))).toBe(false);
    } finally {
      redis.resume();
    }
  });
});

describe.skipIf(SKIP_DISTRIBUTED)('Redis restarted without persistence in the middle of a batch', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('enqueues the lost jobs again: every article written exactly once, and the batch ends', async () => {
    const cwd = join(root, 'restarted');
    assembleArticles(cwd);
    const workerArgs = ['worker', '--queue', redis.url, '--concurrency', '1'];
    // The first worker holds its job (test-only delay) while Redis loses everything.
    const holding = spawnPlume(workerArgs, { cwd, env: { ...WORKER_ENV, ...jobDelayEnv(1500) } });
    let fresh: ReturnType<typeof spawnPlume> | undefined;
    try {
      await holding.waitFor(/^plume worker: ready/);
      const batch = spawnPlume(
        ['batch', ...INPUTS, '-o', 'out', '--queue', redis.url, '--date', '2024-03-25'],
        { cwd },
      );
      await holding.waitFor(/^plume worker: started /);
      await redis.restart();
      fresh = spawnPlume(workerArgs, { cwd, env: WORKER_ENV });
      const run = await batch.exited;
      expect([0, 3]).toContain(run.code);
      // Which jobs were still in Redis at the restart depends on the machine's speed (on a loaded
      // machine the batch may still be enqueueing, and says nothing of a loss): the guarantee
      // checked is that each article is written exactly once and the batch ends.
      const report = JSON.parse(readFileSync(join(cwd, 'out', 'batch-report.json'), 'utf8')) as BatchReport;
      expect(report.totals).toMatchObject({ articles: 6, written: 6, errors: 0 });
      expect(new Set(report.articles.map((article) => article.input)).size).toBe(6);
      const files = readdirSync(join(cwd, 'out'));
      expect(files.filter((name) => name.endsWith('.md'))).toHaveLength(6);
      expect(files.filter((name) => name.endsWith('.report.json'))).toHaveLength(6);
    } finally {
      holding.child.kill('SIGTERM');
      fresh?.child.kill('SIGTERM');
    }
    // Both workers lived through the restart and stop cleanly.
    expect((await holding.exited).code).toBe(0);
    expect((await fresh?.exited)?.code).toBe(0);
  });
});
