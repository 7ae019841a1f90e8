// Bundles the CLI into dist/bin/: one module graph instead of hundreds of small files cuts
// `plume`'s cold start roughly in half. Lazy imports (LLM stack, HTML page reader) stay separate chunks.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Optional, native, and loaded by name only for `--provider local`.
  external: ['node-llama-cpp'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __plumeCreateRequire } from 'node:module'; const require = __plumeCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
