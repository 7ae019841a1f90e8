// Test-only delay, kept out of the production code: loaded with `node --import` (see `jobDelayEnv` in
// job-delay.ts), it makes every job a pool worker thread receives (a batch article, a queue job run on
// the threads) wait PLUME_TEST_JOB_DELAY_MS first, so a test can kill or stop a run in the middle.
// Node runs `--import` modules in every worker thread too; the main thread is left alone.
import { isMainThread, parentPort } from 'node:worker_threads';

const delayMs = Number(process.env.PLUME_TEST_JOB_DELAY_MS ?? 0);

if (!isMainThread && parentPort && Number.isInteger(delayMs) && delayMs > 0) {
  const port = parentPort;
  const on = port.on.bind(port);
  // Messages keep their order: each is delayed by the same time.
  port.on = (event, listener) =>
    event === 'message'
      ? on(event, (message) => setTimeout(() => listener(message), delayMs))
      : on(event, listener);
}
