// Start of a pool worker thread (batch, `plume serve`): prints figures, asserts nothing. Run with
// `npm run build && node bench/thread-start.js [other worker entries…]`.
//
// For each entry (default: this build's dist/bin/optimize-worker-thread.mjs, which runs the bundled
// script with its code cache, and tsc's dist/batch/optimize-worker-thread.js, the ES modules), in
// turn: `new Worker`, then the time until the thread says it is ready, and until it has written the
// example as a batch article (its first, so its code is compiled or read from the cache). Each round
// starts fresh threads, interleaved so a load spike hits every entry alike; median and min of N rounds
// (default 7, PLUME_BENCH_RUNS). `node bench/thread-start.js <older build>/dist/bin/optimize-worker-thread.mjs`
// compares an older build in the same minute (its dist must sit in a checkout with node_modules).
// Threads start under the V8 flags the pool sets (src/batch/worker-compiler-flags.ts), under which the
// build records the cache; an older build's cache, recorded without them, is refused (V8 checks flags).
// Printed beside each entry: how many of its threads took their code cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { tuneCompilerForWorkerThreads } from '../dist/batch/worker-compiler-flags.js';

const RUNS = Number(process.env.PLUME_BENCH_RUNS ?? 7);
tuneCompilerForWorkerThreads();
const root = fileURLToPath(new URL('..', import.meta.url));
const entries = [
  join(root, 'dist/bin/optimize-worker-thread.mjs'),
  join(root, 'dist/batch/optimize-worker-thread.js'),
  ...process.argv.slice(2),
];
const task = {
  fileName: 'talents-ia.txt',
  text: readFileSync(join(root, 'examples/talents-ia.txt'), 'utf8'),
  options: { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false },
  defaultDate: '2024-03-25',
};

/** Milliseconds from `new Worker` to ready, and to the first article's outcome. */
async function startOnce(entry) {
  const started = performance.now();
  const worker = new Worker(entry);
  try {
    return await new Promise((done, fail) => {
      let ready = 0;
      let codeCache = false;
      worker.on('error', fail);
      worker.on('message', (message) => {
        if (message?.ready) {
          ready = performance.now() - started;
          codeCache = message.codeCache === true;
          worker.postMessage({ id: 1, job: { kind: 'article', task } });
        } else if (message?.id === 1) {
          if ('error' in message) fail(new Error(JSON.stringify(message.error)));
          else done([ready, performance.now() - started, codeCache]);
        }
      });
    });
  } finally {
    await worker.terminate();
  }
}

const times = new Map(entries.map((entry) => [entry, []]));
for (let round = 0; round < RUNS; round += 1)
  for (const entry of entries) times.get(entry).push(await startOnce(entry));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`node ${process.version}; ${RUNS} rounds, interleaved`);
for (const [entry, runs] of times) {
  const ready = runs.map((run) => run[0]);
  const done = runs.map((run) => run[1]);
  console.log(
    `${entry}\n  ready median ${median(ready).toFixed(0)} ms  min ${Math.min(...ready).toFixed(0)} ms;` +
      ` first article done median ${median(done).toFixed(0)} ms  min ${Math.min(...done).toFixed(0)} ms;` +
      ` code cache taken ${runs.filter((run) => run[2]).length}/${runs.length}`,
  );
}
