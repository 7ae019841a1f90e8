/**
 * Entry point of a pool worker thread (see pool-worker.ts). Bundled as dist/bin/optimize-worker-thread.mjs
 * beside dist/bin/worker.cjs, which it runs with the V8 code cache the build recorded after optimizing
 * the example in a thread (src/io/code-cached-script.ts): a thread then starts without compiling the
 * writer, the first articles of a batch included. Without the script beside it (tsc's
 * dist/batch/optimize-worker-thread.js), it runs the ES modules. `locateWorkerScript` finds it.
 *
 * With `workerData.recordCodeCache` (a path; scripts/record-worker-code-cache.mjs only), a `recordCodeCache`
 * message makes it write the script's code cache there once the jobs it was given are done.
 */

import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { loadCodeCachedScript, recordedCodeCache } from '../io/code-cached-script.js';
import { WORKER_CODE_CACHE, WORKER_SCRIPT } from './worker-script-files.js';

const script = fileURLToPath(new URL(WORKER_SCRIPT, import.meta.url));
const recordTo = (workerData as { recordCodeCache?: string } | undefined)?.recordCodeCache;

if (existsSync(script)) {
  const loaded = loadCodeCachedScript<{ startPoolWorker(codeCache: boolean): void }>(
    script,
    recordTo === undefined ? WORKER_CODE_CACHE : undefined,
  );
  if (recordTo !== undefined) {
    // Fails the recording (an 'error' event) rather than leave it waiting for an answer.
    const { buildId } = loaded;
    if (buildId === undefined) throw new Error(`${script}: no build id, run scripts/bundle-cli.mjs`);
    parentPort?.on('message', (message: { recordCodeCache?: boolean }) => {
      if (message?.recordCodeCache !== true) return;
      writeFileSync(recordTo, recordedCodeCache(loaded.script, buildId));
      parentPort?.postMessage({ recorded: true });
    });
  }
  loaded.exports.startPoolWorker(loaded.cached);
} else {
  const { startPoolWorker } = await import('./pool-worker.js');
  startPoolWorker();
}
