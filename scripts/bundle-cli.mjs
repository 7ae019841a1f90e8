// Bundles the CLI into dist/bin/: one module graph instead of hundreds of small files cuts
// `plume`'s cold start roughly in half. Lazy imports (LLM stack, HTML page reader) stay separate chunks.
// The batch's worker threads load their own entry, dist/bin/optimize-worker-thread.js, which shares the
// chunks; src/batch/thread-pool.ts finds it beside itself (import.meta.url).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist/bin', { recursive: true, force: true });

await build({
  // Named entries: both land directly in dist/bin/ (not dist/bin/cli/ and dist/bin/batch/).
  entryPoints: {
    main: 'src/cli/main.ts',
    'optimize-worker-thread': 'src/batch/optimize-worker-thread.ts',
  },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Optional, native, and loaded by name only for `--provider local`. The queue stack (BullMQ, ioredis)
  // is loaded only by `--queue` and `plume worker`, and BullMQ loads an optional native msgpack build.
  external: ['node-llama-cpp', 'msgpackr-extract'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __plumeCreateRequire } from 'node:module'; const require = __plumeCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
