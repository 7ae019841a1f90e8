/**
 * Entry point of a batch worker thread: optimizes the articles the pool posts,
 * one at a time, with the offline writer. Bundled on its own as
 * dist/bin/optimize-worker-thread.js (and compiled by tsc as
 * dist/batch/optimize-worker-thread.js); `locateWorkerScript` finds it.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { type ArticleTask, serializeError } from './article-task.js';
import { runArticleTask } from './run-article-task.js';
import type { PoolRequest, PoolResponse, WorkerThreadData } from './thread-pool.js';

const port = parentPort;
if (!port) throw new Error('optimize-worker-thread.js runs in a worker thread only');
const { testDelayMs } = (workerData ?? {}) as WorkerThreadData;

port.on('message', (request: PoolRequest) => {
  void handle(request.id, request.task).then((response) => port.postMessage(response));
});
port.postMessage({ ready: true } satisfies PoolResponse);

async function handle(id: number, task: ArticleTask): Promise<PoolResponse> {
  try {
    if (testDelayMs) await new Promise((resolve) => setTimeout(resolve, testDelayMs));
    return { id, outcome: await runArticleTask(task) };
  } catch (error) {
    return { id, error: serializeError(error) };
  }
}
