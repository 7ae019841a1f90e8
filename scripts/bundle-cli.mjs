// Bundles the CLI into dist/bin/: one module graph instead of hundreds of small files cuts
// `plume`'s cold start roughly in half. Lazy imports (LLM stack, HTML page reader) stay separate chunks.
// The batch's worker threads load their own entry, dist/bin/optimize-worker-thread.js, which shares the
// chunks; src/batch/thread-pool.ts finds it beside itself (import.meta.url).
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * Commander requires `node:child_process` when it is imported, for executable subcommands Plume never
 * declares; loading it (with `net`, `dgram` and their streams) cost 4–8 ms of each `plume` start. The
 * bundled copy requires it on first spawn instead. Fails the build if Commander's line changes.
 */
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager))
        throw new Error(`${path}: « ${eager} » not found, update scripts/bundle-cli.mjs`);
      const lazy =
        "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * Plume writes most front matters without `yaml` (src/render/front-matter-yaml.ts), yet the import ran
 * yaml's 70 bundled modules (a CommonJS build, about 8 ms) at each `plume optimize` start. The bundled
 * copy requires it on the first front matter that needs it: esbuild turns that `require` into a call to
 * its wrapper of the bundled yaml. Fails the build if the import line changes.
 */
const lazyYamlInFrontMatter = {
  name: 'lazy-yaml-in-front-matter',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]src[\\/]render[\\/]front-matter-yaml\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const eager = "import { stringify as stringifyYaml } from 'yaml';";
      if (!source.includes(eager))
        throw new Error(`${path}: « ${eager} » not found, update scripts/bundle-cli.mjs`);
      const lazy =
        "const stringifyYaml = (...args: Parameters<typeof import('yaml').stringify>) => require('yaml').stringify(...args);";
      return { contents: source.replace(eager, lazy), loader: 'ts' };
    });
  },
};

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
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins (and require.resolve).
  // Every chunk gets the banner, few call it: the require function is made on first call (making it
  // for each of the 40 chunks `plume audit` loads cost a few ms of each start).
  banner: {
    js: [
      "import { createRequire as __plumeCreateRequire } from 'node:module';",
      'let __plumeRequire;',
      'function require(id) { __plumeRequire ??= __plumeCreateRequire(import.meta.url); return __plumeRequire(id); }',
      'require.resolve = (id, options) => { __plumeRequire ??= __plumeCreateRequire(import.meta.url); return __plumeRequire.resolve(id, options); };',
    ].join(' '),
  },
  plugins: [lazyChildProcessInCommander, lazyYamlInFrontMatter],
  logLevel: 'warning',
});
