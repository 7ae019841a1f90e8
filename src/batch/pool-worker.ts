/**
 * A pool worker thread: runs the jobs the pool posts (batch articles with the offline writer, optimize
 * and audit requests of `plume serve`), one at a time, in the order they are sent. Started by
 * optimize-worker-thread.ts, from the bundled script dist/bin/worker.cjs or, without it, as an ES module.
 */

import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { serializeError } from './article-task.js';
import { registerSitePages } from './batch-site-pages.js';
import { type PoolJob, type PoolJobProgress, transferablesOf } from './pool-job.js';
import { runPoolJob } from './run-pool-job.js';
import { createSerialRunner } from './serial-runner.js';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './thread-pool.js';

/**
 * Starts answering the pool's jobs on this worker thread, and tells the pool it is ready, and whether V8
 * took the script's code cache (`codeCache`; false for the ES modules).
 */
export function startPoolWorker(codeCache = false): void {
  const port = parentPort;
  if (!port) throw new Error('optimize-worker-thread.js runs in a worker thread only');
  const given = workerData as PoolWorkerData | undefined;
  if (given?.sitePages) registerSitePages(given.sitePages);
  lowerOwnPriority(given?.niceness ?? 0);

  // One job at a time, in the order they came: the pool may send the next job while one runs (`sendAhead`).
  const inOrder = createSerialRunner();
  port.on('message', (request: PoolRequest) => {
    // The loader's own messages (recording a code cache at build) are not jobs.
    if (typeof request?.id !== 'number') return;
    inOrder(async () => {
      const response = await handle(port, request.id, request.job);
      port.postMessage(response, 'outcome' in response ? transferablesOf(response.outcome) : []);
    }).catch((error: unknown) => {
      // An answer that cannot be sent (not cloneable: a bug) ends the thread, so the pool fails the job.
      setImmediate(() => {
        throw error;
      });
    });
  });
  port.postMessage({ ready: true, codeCache } satisfies PoolResponse);
}

async function handle(port: MessagePort, id: number, job: PoolJob): Promise<PoolResponse> {
  try {
    const onProgress = (progress: PoolJobProgress) =>
      port.postMessage({ id, progress } satisfies PoolResponse);
    return { id, outcome: await runPoolJob(job, onProgress) };
  } catch (error) {
    return { id, error: serializeError(error) };
  }
}

/**
 * Gives this thread (not the process) a nice value. On Linux a thread has its own, set through its thread
 * id, which /proc/thread-self names; elsewhere, or without /proc, the thread keeps its priority: only
 * the answer times of a busy server depend on it.
 */
function lowerOwnPriority(niceness: number): void {
  if (niceness <= 0 || process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, niceness);
  } catch {
    // No /proc (a container without it) or not allowed: run at the process's priority.
  }
}
