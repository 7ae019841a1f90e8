// Batch benchmark: prints figures, asserts nothing. Run with `npm run bench:batch` (builds first).
//
// 1. Offline articles per second through `runBatch` (read, hash, optimize on worker threads, write
//    three files atomically, manifest), 300 variants of the example, with 1 thread, then all cores.
// 2. The same articles through the queue (BullMQ on a throw-away redis-server, skipped when
//    redis-server is not on PATH) with 2 local worker processes of 1 thread each, and the queue's
//    overhead per job against the local batch with the same 2 threads.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createThreadProcessor } from '../dist/batch/create-thread-processor.js';
import { createQueueProcessor } from '../dist/batch/queue/create-queue-processor.js';
import { runBatch } from '../dist/batch/run-batch.js';

const ARTICLES = Number(process.env.PLUME_BENCH_ARTICLES ?? 300);
const root = fileURLToPath(new URL('..', import.meta.url));
const example = readFileSync(join(root, 'examples/talents-ia.txt'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'plume-bench-batch-'));
// Removed on every exit, a failed run included.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const options = { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false, date: '2024-03-25' };
const adjectives = ['impitoyable', 'féroce', 'acharnée', 'rude', 'intense'];

/** `count` variants of the example: another adjective in the first line and a numbered closing sentence. */
function writeInputs(count) {
  const folder = join(work, 'in');
  mkdirSync(folder, { recursive: true });
  const files = [];
  for (let index = 0; index < count; index += 1) {
    const text = `${example.replace('impitoyable', adjectives[index % adjectives.length])}\nCette version porte le numéro ${index + 1}.\n`;
    const file = join(folder, `article-${String(index + 1).padStart(3, '0')}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

async function timeBatch(label, files, processor, writerName) {
  const output = join(work, `out-${label.replace(/\W+/g, '-')}`);
  const report = await runBatch({
    files,
    outputDirectory: output,
    cwd: work,
    options,
    defaultDate: '2024-03-25',
    writerName,
    processor,
  });
  await processor.close();
  if (report.totals.errors > 0)
    throw new Error(
      `${label}: ${report.totals.errors} errors, first: ${report.articles.find((article) => article.error)?.error}`,
    );
  const perSecond = files.length / (report.durationMs / 1000);
  console.log(
    `${label.padEnd(34)} ${String(files.length).padStart(4)} articles in ${(report.durationMs / 1000).toFixed(2).padStart(6)} s  ${perSecond.toFixed(1).padStart(7)} articles/s`,
  );
  return { durationMs: report.durationMs, perSecond };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (pattern.test(output)) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}):\n${output}`)));
    // Never wait forever for a line that will not come: the bench fails with what was printed.
    const timer = setTimeout(
      () => reject(new Error(`${what}: no ${pattern} within 60 s:\n${output}`)),
      60_000,
    );
    timer.unref();
  });
}

/** Resolves once `child` has exited, at once if it already has (a late `once('exit')` never fires). */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', resolve));
}

/** A worker process running `runQueueWorker` from dist/ with one offline thread (as `plume worker --concurrency 1`). */
function startWorker(url) {
  const script = `
    import { createThreadProcessor } from ${JSON.stringify(new URL('../dist/batch/create-thread-processor.js', import.meta.url).href)};
    import { runQueueWorker } from ${JSON.stringify(new URL('../dist/batch/queue/run-queue-worker.js', import.meta.url).href)};
    const stop = new AbortController();
    process.on('SIGTERM', () => stop.abort());
    const processor = createThreadProcessor({ size: 1 });
    await runQueueWorker({
      url: ${JSON.stringify(url)}, concurrency: 1, processor, writerName: 'offline', stop: stop.signal,
      timings: { lockDuration: 30000, stalledInterval: 30000, maxStalledCount: 2 },
      // The worker says it is ready in French (« prêt : file … »): waiting for « ready » hung the bench.
      log: (line) => { if (line.startsWith('prêt')) console.error('ready'); },
    });
    await processor.close();
  `;
  // A file, not `node -e`: worker threads inherit the process's flags, and `--input-type` would stop them.
  const file = join(work, 'bench-worker.mjs');
  writeFileSync(file, script);
  return spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
}

console.log(
  `node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} cores, ` +
    `load average ${loadavg()[0].toFixed(2)} (other work on the machine skews every figure)`,
);
console.log(
  `\n# Offline batch: ${ARTICLES} variants of the example (${example.split(/\s+/).length} words each)`,
);
const files = writeInputs(ARTICLES);
const cores = availableParallelism();
const one = await timeBatch('1 thread', files, createThreadProcessor({ size: 1 }), 'offline');
const all = await timeBatch(
  `${cores} threads (all cores)`,
  files,
  createThreadProcessor({ size: cores }),
  'offline',
);
console.log(
  `speed-up: ${(all.perSecond / one.perSecond).toFixed(2)}x with ${cores} threads (target: >= 150 articles/s on 2 cores)`,
);

console.log('\n# Through the queue: 2 local worker processes (1 thread each) on a throw-away redis-server');
if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.log('skipped: redis-server is not on PATH');
} else {
  const port = await freePort();
  const redisDirectory = join(work, 'redis');
  mkdirSync(redisDirectory);
  const redis = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      redisDirectory,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const workers = [];
  try {
    await waitForLine(redis, /Ready to accept connections/, 'redis-server');
    const url = `redis://127.0.0.1:${port}`;
    const local =
      cores === 2
        ? all
        : await timeBatch('2 threads, local', files, createThreadProcessor({ size: 2 }), 'offline');
    workers.push(startWorker(url), startWorker(url));
    await Promise.all(workers.map((worker) => waitForLine(worker, /ready/, 'worker')));
    const queued = await timeBatch('queue, 2 workers', files, await createQueueProcessor({ url }), 'queue');
    const overheadPerArticle = (queued.durationMs - local.durationMs) / files.length;
    console.log(
      `queue overhead: ${overheadPerArticle.toFixed(2)} ms of wall time per article against the local batch with 2 threads ` +
        `(${(overheadPerArticle * 2).toFixed(2)} ms per job on each of the 2 workers: enqueue, lock, result, event, fetch)`,
    );
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map(exited));
    redis.kill('SIGTERM');
    await exited(redis);
  }
}
