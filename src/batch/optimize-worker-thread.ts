/**
 * Entry point of a pool worker thread: runs the jobs the pool posts (batch
 * articles with the offline writer, optimize and audit requests of `plume
 * serve`), one at a time. Bundled on its own as
 * dist/bin/optimize-worker-thread.js (and compiled by tsc as
 * dist/batch/optimize-worker-thread.js); `locateWorkerScript` finds it.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from './article-task.js';
import { type BatchSitePages, registerSitePages } from './batch-site-pages.js';
import { type PoolJob, type PoolJobProgress, transferablesOf } from './pool-job.js';
import { runPoolJob } from './run-pool-job.js';
import type { PoolRequest, PoolResponse } from './thread-pool.js';

const port = parentPort;
if (!port) throw new Error('optimize-worker-thread.js runs in a worker thread only');
const given = (workerData as { sitePages?: BatchSitePages } | null)?.sitePages;
if (given) registerSitePages(given);

port.on('message', (request: PoolRequest) => {
  void handle(request.id, request.job).then((response) =>
    port.postMessage(response, 'outcome' in response ? transferablesOf(response.outcome) : []),
  );
});
port.postMessage({ ready: true } satisfies PoolResponse);

async function handle(id: number, job: PoolJob): Promise<PoolResponse> {
  try {
    const onProgress = (progress: PoolJobProgress) =>
      port?.postMessage({ id, progress } satisfies PoolResponse);
    return { id, outcome: await runPoolJob(job, onProgress) };
  } catch (error) {
    return { id, error: serializeError(error) };
  }
}
