// A/B bench of two builds in one process: prints figures, asserts only that both builds write the same
// articles (exit code 1 at the first difference). Run with `npm run bench:paired -- --old <dir>` (builds
// this worktree first).
//
//   node bench/paired.js --old <dir> [--new <dir>] [--runs <n>] [--long]
//
// --old   a checkout whose dist/ is built, e.g. `git worktree add --detach /tmp/plume-base main`, then
//         `npm ci && npm run build` there.
// --new   the other checkout (default: this one).
// --runs  timed optimize calls per build and per article (default: 40), after 20 untimed ones.
// --long  also the 2,000-word article (test/golden/long-no-headings/input.txt).
// --new-keyphrases  each variant of the example also gets its own keyphrase (« IA » renamed « IABCD »):
//         V8 compiles a pattern built from a keyphrase once per keyphrase, which shared ones hide.
// --corpus also every real article of test/corpus/ (Markdown, HTML and text, by other authors): the same
//         source on every call, so each build's memos are cleared before each of its calls (a cold
//         figure: nothing learnt from the previous call counts).
//
// Why paired: on a shared machine, two benches run minutes apart measure the neighbours as much as the
// change. Here both builds optimize the same unique variants (bench/variants.js: memos keyed by sentence
// never hit across runs), one call each in turn, which goes first alternating, so load, heat and GC drift
// fall on both sides alike. Each call is timed with the process's CPU time (user + system), memos warm as
// in a batch or a server. Both builds' markdown, html, plan and report must be equal on every variant: a
// speed-up that changes an article is a bug, not a speed-up.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { memoClearer } from './memo-clearer.js';
import { variantOf, withOwnKeyphrase } from './variants.js';

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    new: { type: 'string' },
    runs: { type: 'string', default: '40' },
    long: { type: 'boolean', default: false },
    corpus: { type: 'boolean', default: false },
    'new-keyphrases': { type: 'boolean', default: false },
  },
});
if (!values.old) {
  console.error(
    'usage: node bench/paired.js --old <dir with a built dist/> [--new <dir>] [--runs <n>] [--long] [--corpus]',
  );
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(values.runs);
const optimizeOptions = { date: '2024-03-25' };
const WARMUP = 20;

async function loadBuild(label, directory) {
  const folder = resolve(directory);
  const library = await import(pathToFileURL(join(folder, 'dist/index.js')).href);
  const clearMemos = await memoClearer(folder);
  return { label, folder, ingest: library.ingest, optimize: library.optimize, clearMemos };
}

const builds = [await loadBuild('old', values.old), await loadBuild('new', values.new ?? root)];
if (builds[0].folder === builds[1].folder) console.warn('warning: --old and --new are the same checkout');

function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The outputs that must not change: the articles, the plan and the audit. */
function outputsOf(result) {
  return { markdown: result.markdown, html: result.html, plan: result.plan, report: result.report };
}

function firstDifference(left, right) {
  for (const key of Object.keys(left)) {
    if (isDeepStrictEqual(left[key], right[key])) continue;
    const a = typeof left[key] === 'string' ? left[key] : JSON.stringify(left[key], null, 1);
    const b = typeof right[key] === 'string' ? right[key] : JSON.stringify(right[key], null, 1);
    let at = 0;
    while (at < a.length && a[at] === b[at]) at += 1;
    return `${key} differs at character ${at}:\n  old: ${JSON.stringify(a.slice(Math.max(0, at - 80), at + 80))}\n  new: ${JSON.stringify(b.slice(Math.max(0, at - 80), at + 80))}`;
  }
  return null;
}

/** Both builds on `count` variants of `text` from run number `first`, alternating; CPU ms per call. */
async function pairedRuns(name, text, first, count, keyphraseWord) {
  const times = builds.map(() => []);
  for (let run = 0; run < count; run += 1) {
    const variant = keyphraseWord
      ? withOwnKeyphrase(variantOf(text, first + run), keyphraseWord, first + run)
      : variantOf(text, first + run);
    const order = run % 2 === 0 ? [0, 1] : [1, 0];
    const outputs = [];
    for (const side of order) {
      const build = builds[side];
      const document = await build.ingest(variant, { format: 'text' });
      const start = cpuMs();
      const result = await build.optimize(document, optimizeOptions);
      const spent = cpuMs() - start;
      if (run >= WARMUP) times[side].push(spent);
      outputs[side] = outputsOf(result);
    }
    const difference = firstDifference(outputs[0], outputs[1]);
    if (difference !== null) {
      console.error(`\nOUTPUTS DIFFER: ${name}, variant ${first + run} (bench/variants.js)\n${difference}`);
      process.exit(1);
    }
  }
  return times;
}

function formatMs(value) {
  return `${value.toFixed(2)} ms`.padStart(9);
}

console.log(
  `node ${process.version}; CPU time (user + system) per optimize call, memos warm, ${runs} unique variants per build after ${WARMUP} warm-up ones; load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
);
for (const build of builds) console.log(`${build.label}: ${build.folder}`);

const articles = [
  ['example', join(root, 'examples/talents-ia.txt'), values['new-keyphrases'] ? 'IA' : undefined],
];
if (values.long) articles.push(['2,000-word article', join(root, 'test/golden/long-no-headings/input.txt')]);
let first = 5000;
for (const [name, path, keyphraseWord] of articles) {
  const times = await pairedRuns(name, readFileSync(path, 'utf8'), first, runs + WARMUP, keyphraseWord);
  first += runs + WARMUP;
  const [oldTimes, newTimes] = times;
  console.log(`\n# optimize ${name} (outputs equal on all ${runs + WARMUP} variants)`);
  for (const [index, build] of builds.entries()) {
    const side = times[index];
    console.log(`${build.label}  min ${formatMs(Math.min(...side))}  median ${formatMs(median(side))}`);
  }
  // The ratio on each variant, then its median: the two calls on one variant ran seconds apart at most.
  const ratios = newTimes.map((time, index) => time / oldTimes[index]);
  console.log(
    `new / old  min ${(Math.min(...newTimes) / Math.min(...oldTimes)).toFixed(3)}   median ${(median(newTimes) / median(oldTimes)).toFixed(3)}   median of the per-variant ratios ${median(ratios).toFixed(3)}`,
  );
}

/** The corpus's articles: name, text, format and file name, as `plume optimize` would read them. */
function corpusArticles() {
  const directory = join(root, 'test/corpus');
  const formats = { md: 'markdown', html: 'html', txt: 'text' };
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const fileName = readdirSync(join(directory, entry.name)).find((name) =>
        /^source\.(md|html|txt)$/.test(name),
      );
      const extension = fileName.split('.').pop();
      const text = readFileSync(join(directory, entry.name, fileName), 'utf8');
      return { name: entry.name, text, format: formats[extension], fileName };
    })
    .sort((left, right) => left.name.localeCompare(right.name));
}

if (values.corpus) {
  const rounds = Math.max(4, Math.round(runs / 4));
  console.log(
    `\n# optimize of each corpus article, memos cleared before each call, median of ${rounds} calls per build`,
  );
  let oldTotal = 0;
  let newTotal = 0;
  for (const article of corpusArticles()) {
    const times = builds.map(() => []);
    for (let round = 0; round < rounds + 1; round += 1) {
      const outputs = [];
      for (const side of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const build = builds[side];
        const document = await build.ingest(article.text, {
          format: article.format,
          fileName: article.fileName,
        });
        build.clearMemos();
        const start = cpuMs();
        const result = await build.optimize(document, optimizeOptions);
        const spent = cpuMs() - start;
        // The first round warms the code up.
        if (round > 0) times[side].push(spent);
        outputs[side] = outputsOf(result);
      }
      const difference = firstDifference(outputs[0], outputs[1]);
      if (difference !== null) {
        console.error(`\nOUTPUTS DIFFER: corpus ${article.name}\n${difference}`);
        process.exit(1);
      }
    }
    const [oldMedian, newMedian] = times.map(median);
    oldTotal += oldMedian;
    newTotal += newMedian;
    console.log(
      `${article.name.padEnd(42)} old ${formatMs(oldMedian)}  new ${formatMs(newMedian)}  new / old ${(newMedian / oldMedian).toFixed(3)}`,
    );
  }
  console.log(
    `${'all (sum of the medians)'.padEnd(42)} old ${formatMs(oldTotal)}  new ${formatMs(newTotal)}  new / old ${(newTotal / oldTotal).toFixed(3)}`,
  );
}
