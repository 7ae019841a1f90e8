import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleTask } from '../../src/batch/article-task.js';
import { createThreadProcessor } from '../../src/batch/create-thread-processor.js';
import { LARGE_INPUT_SIZE } from '../../src/batch/large-input-size.js';
import {
  createArticlePool,
  JobTimeLimitError,
  locateWorkerScript,
  maySendAhead,
} from '../../src/batch/thread-pool.js';
import { InputError } from '../../src/ingest/input-error.js';

// Worker threads need JavaScript: these tests use tsc's build (dist/batch/, `npm run build`, which
// `npm test` runs first). Under vitest, from the TypeScript sources, the pool runs on the calling thread.

const DIST_POOL = new URL('../../dist/batch/thread-pool.js', import.meta.url);
const DIST_SCRIPT = new URL('../../dist/batch/optimize-worker-thread.js', import.meta.url);
const BUNDLED_SCRIPT = new URL('../../dist/bin/optimize-worker-thread.mjs', import.meta.url);
const EXAMPLE = readFileSync(
  fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url)),
  'utf8',
);

const root = mkdtempSync(join(tmpdir(), 'plume-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const task = (text: string, fileName = 'article.txt'): ArticleTask => ({
  fileName,
  text,
  options: { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false },
  defaultDate: '2024-03-25',
});

describe('the article pool', () => {
  it('finds the bundled worker script, else the one beside the running module, never the TypeScript sources', () => {
    if (!existsSync(fileURLToPath(DIST_SCRIPT))) throw new Error('dist/ is missing: run npm run build first');
    expect(locateWorkerScript(DIST_POOL)?.href).toBe(BUNDLED_SCRIPT.href);
    expect(locateWorkerScript(new URL('../../dist/bin/chunk.js', import.meta.url))?.href).toBe(
      BUNDLED_SCRIPT.href,
    );
    expect(locateWorkerScript()).toBeUndefined();
    const pool = createArticlePool({ size: 2 });
    expect(pool.mode).toBe('inline');
    void pool.close();
  });

  it('optimizes articles on worker threads, and sends errors back with their name', async () => {
    const pool = createArticlePool({ size: 2, workerScript: DIST_SCRIPT });
    try {
      expect(pool.mode).toBe('threads');
      const outcomes = await Promise.all([
        pool.run(task(EXAMPLE)),
        pool.run(task(EXAMPLE.replace('impitoyable', 'très dure'))),
        pool.run(task(EXAMPLE, 'copie.md')),
      ]);
      for (const outcome of outcomes) {
        expect(outcome.slug).toBe('talents-ia');
        expect(outcome.markdown).toMatch(/^---\n/);
        expect(outcome.html).toMatch(/^<!DOCTYPE html>/);
        expect(JSON.parse(outcome.reportJson).metadata.slug).toBe('talents-ia');
        expect(outcome.writer).toBe('offline');
        expect(outcome.words).toBeGreaterThan(700);
      }
      const error = await pool
        .run(task('---\ntitle: Rien\n---\n', 'front-matter-only.md'))
        .catch((caught) => caught);
      expect(InputError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe('front-matter-only.md ne contient aucun texte.');
    } finally {
      await pool.close();
    }
  });

  it('runs inline with the same results when there is no worker script', async () => {
    const pool = createArticlePool({ size: 4, workerScript: null });
    expect(pool.size).toBe(1);
    const outcome = await pool.run(task(EXAMPLE));
    expect(outcome.slug).toBe('talents-ia');
    await pool.close();
    await expect(pool.run(task(EXAMPLE))).rejects.toThrow('fermé');
  });

  it('fails only the article of a thread that dies, and replaces the thread', async () => {
    const script = join(root, 'dying-thread.mjs');
    writeFileSync(
      script,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\nparentPort.postMessage({ ready: true });\n",
    );
    const pool = createArticlePool({ size: 1, workerScript: pathToFileURL(script) });
    try {
      await expect(pool.run(task(EXAMPLE))).rejects.toThrow(
        'un fil de travail s’est arrêté (code de sortie 3)',
      );
      await expect(pool.run(task(EXAMPLE))).rejects.toThrow(
        'un fil de travail s’est arrêté (code de sortie 3)',
      );
    } finally {
      await pool.close();
    }
  });

  it('gives up with the error when threads cannot even start, instead of respawning them forever', async () => {
    const script = join(root, 'broken-thread.mjs');
    writeFileSync(script, "throw new Error('cannot load');\n");
    const pool = createArticlePool({ size: 2, workerScript: pathToFileURL(script) });
    try {
      const results = await Promise.allSettled([
        pool.run(task(EXAMPLE)),
        pool.run(task(EXAMPLE)),
        pool.run(task(EXAMPLE)),
      ]);
      for (const result of results) expect(result.status).toBe('rejected');
      await expect(pool.run(task(EXAMPLE))).rejects.toThrow(
        'les fils de travail ne démarrent pas : cannot load',
      );
    } finally {
      await pool.close();
    }
  });
});

describe('the pool time limit', () => {
  it('terminates a thread that works past the limit, fails its job, and replaces the thread', async () => {
    const script = join(root, 'spinning-thread.mjs');
    writeFileSync(
      script,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { for (;;) {} });\nparentPort.postMessage({ ready: true });\n",
    );
    const pool = createArticlePool({ size: 1, workerScript: pathToFileURL(script) });
    try {
      const job = { kind: 'article', task: task(EXAMPLE) } as const;
      const first = await pool.runJob(job, { timeLimitMs: 50 }).catch((error: unknown) => error);
      expect(JobTimeLimitError.isInstance(first)).toBe(true);
      expect((first as JobTimeLimitError).timeLimitMs).toBe(50);
      // The spinning thread never answers again: only a fresh thread can take this job.
      await expect(pool.runJob(job, { timeLimitMs: 50 })).rejects.toThrow('time limit of 50 ms');
    } finally {
      await pool.close();
    }
  });

  it('drops a job whose caller aborts, and keeps serving', async () => {
    const pool = createArticlePool({ size: 1, workerScript: DIST_SCRIPT });
    try {
      const controller = new AbortController();
      const aborted = pool.runJob({ kind: 'article', task: task(EXAMPLE) }, { signal: controller.signal });
      controller.abort(new Error('client left'));
      await expect(aborted).rejects.toThrow('client left');
      const outcome = await pool.run(task(EXAMPLE));
      expect(outcome.words).toBeGreaterThan(500);
    } finally {
      await pool.close();
    }
  });
});

describe('heavy jobs', () => {
  /** Answers each job with its file name; a job named `hold` waits until the release file exists. */
  const HOLDING_THREAD = `import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, job }) => {
  const answer = () => parentPort.postMessage({ id, outcome: job.task.fileName });
  if (job.task.fileName !== 'hold') return answer();
  const poll = setInterval(() => {
    if (!existsSync(job.task.text)) return;
    clearInterval(poll);
    answer();
  }, 10);
});
parentPort.postMessage({ ready: true });
`;

  it('never take the last free thread: a short job passes a heavy one that waits', async () => {
    const script = join(root, 'holding-thread.mjs');
    const release = join(root, 'release-heavy');
    writeFileSync(script, HOLDING_THREAD);
    const pool = createArticlePool({ size: 2, workerScript: pathToFileURL(script) });
    try {
      const job = (fileName: string) => ({ kind: 'article', task: task(release, fileName) }) as const;
      const settled: string[] = [];
      const track = (promise: Promise<unknown>) =>
        promise.then((name) => {
          settled.push(String(name));
          return name;
        });
      const firstHeavy = track(pool.runJob(job('hold'), { heavy: true }));
      const secondHeavy = track(pool.runJob(job('second-heavy'), { heavy: true }));
      // The first heavy job holds one thread; the second waits for it, the short one takes the other.
      await expect(track(pool.runJob(job('short')))).resolves.toBe('short');
      expect(settled).toEqual(['short']);
      writeFileSync(release, '');
      await Promise.all([firstHeavy, secondHeavy]);
      expect(settled).toEqual(['short', 'hold', 'second-heavy']);
    } finally {
      await pool.close();
    }
  });

  it('run one after the other on a pool of one thread, like any job', async () => {
    const script = join(root, 'holding-thread-single.mjs');
    writeFileSync(script, HOLDING_THREAD);
    const pool = createArticlePool({ size: 1, workerScript: pathToFileURL(script) });
    try {
      const job = (fileName: string) => ({ kind: 'article', task: task('', fileName) }) as const;
      await expect(pool.runJob(job('alone'), { heavy: true })).resolves.toBe('alone');
      await expect(pool.runJob(job('next'))).resolves.toBe('next');
    } finally {
      await pool.close();
    }
  });
});

describe('jobs sent ahead to a busy thread (sendAhead)', () => {
  it('run one after the other on the thread, in order, with the same outcomes', async () => {
    const pool = createArticlePool({ size: 1, workerScript: DIST_SCRIPT, sendAhead: true });
    try {
      const finished: string[] = [];
      const names = ['premier.md', 'deuxième.md', 'troisième.md', 'quatrième.md'];
      const outcomes = await Promise.all(
        names.map((name, index) =>
          pool.run(task(EXAMPLE.replace('impitoyable', `impitoyable ${index}`), name)).then((outcome) => {
            finished.push(name);
            return outcome;
          }),
        ),
      );
      expect(finished).toEqual(names);
      for (const outcome of outcomes) expect(outcome.slug).toBe('talents-ia');
      expect(new Set(outcomes.map((outcome) => outcome.markdown)).size).toBe(names.length);
    } finally {
      await pool.close();
    }
  });

  it('go back to the queue when the thread dies of the job before them, and run on a fresh thread', async () => {
    // Dies when a second job reaches it while it holds the first: only a job sent ahead can.
    const script = join(root, 'dies-of-second-job.mjs');
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
let holding = false;
parentPort.on('message', ({ id, job }) => {
  if (job.task.fileName === 'hold') { holding = true; return; }
  if (holding) process.exit(4);
  parentPort.postMessage({ id, outcome: job.task.fileName });
});
parentPort.postMessage({ ready: true });
`,
    );
    const pool = createArticlePool({ size: 1, workerScript: pathToFileURL(script), sendAhead: true });
    try {
      const held = pool.run(task(EXAMPLE, 'hold'));
      const next = pool.run(task(EXAMPLE, 'next'));
      await expect(held).rejects.toThrow('un fil de travail s’est arrêté (code de sortie 4)');
      await expect(next).resolves.toBe('next');
    } finally {
      await pool.close();
    }
  });

  /** Holds a job named `hold` until the file its text names exists; dies if sent a job meanwhile. */
  const HOLDS_ALONE_THREAD = `import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
let holding = false;
parentPort.on('message', ({ id, job }) => {
  if (holding) process.exit(4);
  if (job.task.fileName !== 'hold') return parentPort.postMessage({ id, outcome: job.task.fileName });
  holding = true;
  const poll = setInterval(() => {
    if (!existsSync(job.task.text.trimEnd())) return;
    clearInterval(poll);
    holding = false;
    parentPort.postMessage({ id, outcome: 'hold' });
  }, 10);
});
parentPort.postMessage({ ready: true });
`;

  it('are never sent without sendAhead: a queued job waits for a free thread', async () => {
    const script = join(root, 'holds-alone-default.mjs');
    const release = join(root, 'release-default');
    writeFileSync(script, HOLDS_ALONE_THREAD);
    const pool = createArticlePool({ size: 1, workerScript: pathToFileURL(script) });
    try {
      const held = pool.run(task(release, 'hold'));
      const next = pool.run(task(release, 'next'));
      writeFileSync(release, '');
      await expect(held).resolves.toBe('hold');
      await expect(next).resolves.toBe('next');
    } finally {
      await pool.close();
    }
  });

  it.each(['processStaged', 'process'] as const)(
    'never to a thread running a long job: a long article holds no other behind it (%s)',
    async (method) => {
      const script = join(root, `holds-alone-${method}.mjs`);
      const release = join(root, `release-long-article-${method}`);
      writeFileSync(script, HOLDS_ALONE_THREAD);
      const processor = createThreadProcessor({ size: 2, workerScript: pathToFileURL(script) });
      // A batch calls processStaged, `plume worker` (the queue) process: both say which articles are long.
      const run = (article: ArticleTask, name: string) =>
        method === 'process'
          ? processor.process(article, name)
          : processor.processStaged?.(article, name, root);
      try {
        // Long enough to be long (LARGE_INPUT_SIZE).
        const held = run(task(release.padEnd(LARGE_INPUT_SIZE), 'hold'), 'job-long');
        const others = ['a', 'b', 'c', 'd'].map((name) => run(task(release, name), `job-${name}`));
        await expect(Promise.all(others)).resolves.toEqual(['a', 'b', 'c', 'd']);
        writeFileSync(release, '');
        await expect(held).resolves.toBe('hold');
      } finally {
        await processor.close();
      }
    },
  );

  it('leave every thread to long articles: two run side by side on two threads', async () => {
    // Holds each job until the release file exists, after leaving a mark that it started.
    const script = join(root, 'marks-and-holds.mjs');
    const release = join(root, 'release-side-by-side');
    writeFileSync(
      script,
      `import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, job }) => {
  const path = job.task.text.trimEnd();
  writeFileSync(path + '.' + job.task.fileName, '');
  const poll = setInterval(() => {
    if (!existsSync(path)) return;
    clearInterval(poll);
    parentPort.postMessage({ id, outcome: job.task.fileName });
  }, 10);
});
parentPort.postMessage({ ready: true });
`,
    );
    const processor = createThreadProcessor({ size: 2, workerScript: pathToFileURL(script) });
    try {
      const long = (name: string) => task(release.padEnd(LARGE_INPUT_SIZE), name);
      const running = ['first', 'second'].map((name) => processor.processStaged?.(long(name), name, root));
      // Both start before either ends: a heavy job (the server's) would have left the second thread free.
      const started = () => existsSync(`${release}.first`) && existsSync(`${release}.second`);
      for (let waited = 0; !started(); waited += 10) {
        expect(waited, 'one long article waits for the other').toBeLessThan(20_000);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      writeFileSync(release, '');
      await expect(Promise.all(running)).resolves.toEqual(['first', 'second']);
    } finally {
      await processor.close();
    }
  });

  it('only when nothing could need the job elsewhere: no time limit, no signal, not heavy or long', () => {
    const table: [Parameters<typeof maySendAhead>[0], boolean][] = [
      [{}, true],
      [{ onProgress: () => {} }, true],
      [{ heavy: false }, true],
      [{ heavy: true }, false],
      [{ long: true }, false],
      [{ long: false }, true],
      [{ timeLimitMs: 1000 }, false],
      [{ signal: new AbortController().signal }, false],
    ];
    for (const [options, expected] of table) expect(maySendAhead(options)).toBe(expected);
  });
});

describe('locateWorkerScript', () => {
  const layout = mkdtempSync(join(tmpdir(), 'plume-worker-script-'));
  const write = (path: string) => {
    const file = join(layout, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    return pathToFileURL(file).href;
  };
  const bundled = write('full/bin/optimize-worker-thread.mjs');
  write('full/batch/optimize-worker-thread.js');
  const besideOnly = write('tsc-only/batch/optimize-worker-thread.js');
  afterAll(() => rmSync(layout, { recursive: true, force: true }));

  it.each([
    ['tsc’s pool, with the bundle built', 'full/batch/thread-pool.js', bundled],
    ['a chunk of the bundle', 'full/bin/chunk-ABC.js', bundled],
    ['tsc’s pool, no bundle', 'tsc-only/batch/thread-pool.js', besideOnly],
    ['the TypeScript sources', 'sources/batch/thread-pool.ts', undefined],
  ])('%s', (_case, running, expected) => {
    expect(locateWorkerScript(pathToFileURL(join(layout, running)))?.href).toBe(expected);
  });
});
