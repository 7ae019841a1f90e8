// Records V8's code cache of dist/bin/worker.cjs, the pool's worker script (see
// src/batch/optimize-worker-thread.ts): starts a worker thread as the batch does, has it optimize the
// example as a batch article (its three files staged and hashed in a temporary folder), then asks it for
// the bytecode of every function that compiled. Run by scripts/bundle-cli.mjs right after the build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tuneCompilerForWorkerThreads } from '../dist/batch/worker-compiler-flags.js';
import { WORKER_CODE_CACHE, WORKER_SCRIPT } from '../dist/batch/worker-script-files.js';
import { codeCacheFileOf } from '../dist/io/code-cached-script.js';

const output = mkdtempSync(join(tmpdir(), 'plume-code-cache-'));
// Under the pool's flags: V8 refuses a cache recorded under other flags.
tuneCompilerForWorkerThreads();
const worker = new Worker(resolve('dist/bin/optimize-worker-thread.mjs'), {
  workerData: { recordCodeCache: codeCacheFileOf(resolve('dist/bin', WORKER_SCRIPT), WORKER_CODE_CACHE) },
});
try {
  await new Promise((done, fail) => {
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker thread exited (${code})`)));
    worker.on('message', (message) => {
      if (message?.ready) {
        const task = {
          fileName: 'examples/talents-ia.txt',
          text: readFileSync('examples/talents-ia.txt', 'utf8'),
          options: { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false },
          defaultDate: '2024-03-25',
        };
        worker.postMessage({ id: 1, job: { kind: 'article', task, stageIn: output } });
      } else if (message?.id === 1 && 'error' in message) {
        fail(new Error(`the example failed in the worker thread: ${JSON.stringify(message.error)}`));
      } else if (message?.id === 1 && 'outcome' in message) {
        worker.postMessage({ recordCodeCache: true });
      } else if (message?.recorded) {
        done();
      }
    });
  });
} finally {
  await worker.terminate();
  rmSync(output, { recursive: true, force: true });
}
