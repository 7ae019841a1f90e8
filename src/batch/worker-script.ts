// Entry of dist/bin/worker.cjs, the script a pool worker thread runs (see optimize-worker-thread.ts).
export { startPoolWorker } from './pool-worker.js';
