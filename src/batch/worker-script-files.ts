/** The pool's bundled script beside dist/bin/optimize-worker-thread.mjs, and the name of its code cache. */
export const WORKER_SCRIPT = 'worker.cjs';
export const WORKER_CODE_CACHE = 'thread';
