// Instructions per optimize, counted by valgrind: prints figures, asserts nothing. Run with
// `npm run bench:instructions` (builds first), or
//
//   node bench/instructions.js [--old <dir>] [--runs <n>] [--long]
//
// --old   a checkout whose dist/ is built (e.g. `git worktree add --detach /tmp/plume-base main`, then
//         `npm ci && npm run build` there): its count too, and the ratio new/old.
// --runs  counted optimize calls per build and per article (default: 10), after 12 uncounted ones.
// --long  also the 2,000-word article (test/golden/long-no-headings/input.txt).
//
// Why instructions: on a shared, loaded machine wall and CPU times move by tens of percent from one minute
// to the next; the number of instructions moves less (the example, three runs of one build: within 1.3 %).
// Not yet steady on the 2,000-word article: 356, 380 and 398 M for one build (six runs each), so only a
// change of 10 % or more shows there; more --runs narrows it. Each build runs in its own `node --single-threaded --expose-gc` under callgrind (slow: about
// a minute per build and article). The child ingests unique variants of the article (bench/variants.js:
// memos keyed by sentence never hit across runs), optimizes 12 of them to warm up, collects garbage, calls
// process.cpuUsage(), optimizes `runs` others, then calls process.cpuUsage() again. Callgrind dumps its
// counters before each uv_getrusage (what cpuUsage calls): the second dump holds the counted loop only.
// Needs valgrind (Debian: `apt-get install valgrind`); exits with code 2 without it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { variantOf } from './variants.js';

const WARMUP = 12;
const optimizeOptions = { date: '2024-03-25' };
const root = fileURLToPath(new URL('..', import.meta.url));
const articles = [
  { label: 'example', file: 'examples/talents-ia.txt' },
  { label: '2,000 words', file: 'test/golden/long-no-headings/input.txt' },
];

/** In the child, under valgrind: warm up, then the counted loop between two process.cpuUsage() calls. */
async function child(directory, runs, file) {
  const { ingest, optimize } = await import(pathToFileURL(join(directory, 'dist/index.js')).href);
  const text = readFileSync(join(root, file), 'utf8');
  const documents = [];
  for (let run = 0; run < WARMUP + runs; run += 1)
    documents.push(await ingest(variantOf(text, 30_000 + run), { format: 'text' }));
  for (let run = 0; run < WARMUP; run += 1) await optimize(documents[run], optimizeOptions);
  globalThis.gc();
  process.cpuUsage();
  for (let run = WARMUP; run < WARMUP + runs; run += 1) await optimize(documents[run], optimizeOptions);
  process.cpuUsage();
}

/** Instructions per optimize of that build on that article, from callgrind's second dump. */
function countInstructions(directory, runs, file) {
  const folder = mkdtempSync(join(tmpdir(), 'plume-instructions-'));
  try {
    const result = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--dump-before=uv_getrusage',
        `--callgrind-out-file=${join(folder, 'callgrind.out')}`,
        // V8 writes and runs machine code: valgrind must see the code it rewrites.
        '--smc-check=all-non-file',
        process.execPath,
        '--single-threaded',
        // Heap growth and idle collections timed by the clock: without these, a collection more or less in
        // the counted loop moves a count by several percent between two runs of the same build.
        '--predictable-gc-schedule',
        '--random-seed=1',
        '--expose-gc',
        fileURLToPath(import.meta.url),
        '--child',
        directory,
        '--runs',
        String(runs),
        '--file',
        file,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.status !== 0)
      throw new Error(`valgrind failed (${result.status}):\n${result.stderr.slice(-2000)}`);
    const dump = readdirSync(folder).find((name) => name.endsWith('.2'));
    if (dump === undefined) throw new Error('callgrind wrote no second dump (was uv_getrusage renamed?)');
    const totals = /^(?:summary|totals):\s+(\d+)/mu.exec(readFileSync(join(folder, dump), 'utf8'));
    if (totals === null) throw new Error(`no totals in ${dump}`);
    return Number(totals[1]) / runs;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    runs: { type: 'string', default: '10' },
    long: { type: 'boolean', default: false },
    child: { type: 'string' },
    file: { type: 'string' },
  },
});
const runs = Number(values.runs);

if (values.child !== undefined) {
  await child(values.child, runs, values.file);
} else {
  if (spawnSync('valgrind', ['--version']).error) {
    console.error('valgrind not found: install it (Debian: apt-get install valgrind) to count instructions');
    process.exit(2);
  }
  const builds = [{ label: 'new', folder: root }];
  if (values.old !== undefined) {
    const folder = resolve(values.old);
    if (!existsSync(join(folder, 'dist/index.js'))) {
      console.error(`${folder}/dist/index.js not found: run npm ci && npm run build there`);
      process.exit(2);
    }
    builds.unshift({ label: 'old', folder });
  }
  console.log(`instructions per optimize, ${runs} counted runs after ${WARMUP} (callgrind)`);
  for (const article of values.long ? articles : articles.slice(0, 1)) {
    const counts = builds.map((build) => countInstructions(build.folder, runs, article.file));
    const figures = builds.map((build, index) => `${build.label} ${(counts[index] / 1e6).toFixed(2)} M`);
    const ratio = counts.length === 2 ? `  new/old ${(counts[1] / counts[0]).toFixed(4)}` : '';
    console.log(`${article.label.padEnd(12)} ${figures.join('  ')}${ratio}`);
  }
}
