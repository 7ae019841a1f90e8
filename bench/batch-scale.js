// Batch at scale: prints figures, asserts nothing. Run with `npm run bench:batch-scale` (builds first).
//
// Offline `runBatch` from dist/ (read, hash, optimize on worker threads, write three files, manifest) on
//   - 1,000 different example-sized articles (the example's sentences shuffled, one slug and one keyphrase each),
//   - 10,000 different small articles (three short paragraphs each),
//   - 1,000 variants of the example that all get the same slug (the collision path),
// with 1 and 2 threads. Each run is a fresh process, so its peak RSS is its own. Printed: articles/s (and
// over the last four fifths of the articles alone, once V8 has compiled the threads' hot code),
// peak RSS (and the live heap once every input is done, GC forced), how busy the main thread was (event-loop utilization: reading, hashing, writing, naming)
// and the CPU time the main thread itself used per article (Linux: /proc/self/task/<pid>/stat), which a
// loaded machine skews far less than the event-loop figure.
//   - 100,000 small inputs through the batch's machinery only (one precomputed outcome): its own cost
//     per input and its peak RSS, which must stay bounded.
// `node bench/batch-scale.js --quick` divides every count by 10; `--run <kind> <count> <threads>` runs one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mainThreadCpuMs } from './main-thread-cpu.js';
import { withOwnKeyphrase } from './variants.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = readFileSync(join(root, 'examples/talents-ia.txt'), 'utf8');
const options = { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false, date: '2024-03-25' };

/** A seeded generator (mulberry32): the same inputs on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const sentences = example
  .split('\n')
  .filter((line) => line.length > 0 && !line.startsWith('-'))
  .flatMap((line) => line.match(/[^.!?]+[.!?]+/gu) ?? [])
  .map((sentence) => sentence.trim());

/**
 * Sentences of the example in a seeded order, grouped in paragraphs; a front-matter slug of its own, and a
 * keyphrase of its own (« IA » renamed « IABCD »): a real batch's articles each have theirs, and V8
 * compiles a pattern built from a keyphrase once per keyphrase.
 */
function differentArticle(index, paragraphs, perParagraph) {
  const next = random(index + 1);
  const body = withOwnKeyphrase(
    Array.from({ length: paragraphs }, () =>
      Array.from({ length: perParagraph }, () => sentences[Math.floor(next() * sentences.length)]).join(' '),
    ).join('\n\n'),
    'IA',
    index,
  );
  return `---\nslug: article-${index + 1}\n---\n\n${body}\n\nCet article porte le numéro ${index + 1}.\n`;
}

/** The example with a numbered closing sentence: every one gets the example's slug. */
function sameSlugArticle(index) {
  return `${example}\nCette version porte le numéro ${index + 1}.\n`;
}

const KINDS = {
  'example-sized': (index) => differentArticle(index, 9, 5),
  small: (index) => differentArticle(index, 3, 2),
  machinery: (index) => differentArticle(index, 3, 2),
  'same-slug': sameSlugArticle,
};

/**
 * The batch's own machinery without the optimizing: one small article optimized once, its outcome
 * handed back for every input under the input's slug (files written, hashed, renamed, recorded as for
 * a real article). What it measures is what `runBatch` itself costs per input, and its memory.
 */
async function precomputedProcessor() {
  const { runArticleTask } = await import('../dist/batch/run-article-task.js');
  const outcome = await runArticleTask({
    fileName: 'a.md',
    text: differentArticle(0, 3, 2),
    options,
    defaultDate: '2024-03-25',
  });
  return {
    concurrency: 4,
    description: 'one precomputed outcome',
    process: async (task) => ({ ...outcome, slug: /^slug: (\S+)$/mu.exec(task.text)?.[1] ?? 'article' }),
    close: async () => {},
  };
}

async function runOne(kind, count, threads) {
  const { createThreadProcessor } = await import('../dist/batch/create-thread-processor.js');
  const { runBatch } = await import('../dist/batch/run-batch.js');
  const work = mkdtempSync(join(tmpdir(), 'plume-bench-scale-'));
  try {
    const folder = join(work, 'in');
    mkdirSync(folder);
    const files = [];
    for (let index = 0; index < count; index += 1) {
      const file = join(folder, `a${String(index).padStart(6, '0')}.md`);
      writeFileSync(file, KINDS[kind](index));
      files.push(file);
    }
    const processor =
      kind === 'machinery' ? await precomputedProcessor() : createThreadProcessor({ size: threads });
    const busyBefore = performance.eventLoopUtilization();
    const cpuBefore = mainThreadCpuMs();
    const processCpuBefore = process.cpuUsage();
    const started = performance.now();
    let liveHeapMb = Number.NaN;
    // When a fifth of the articles are done: the rest run on warm threads (V8 has compiled the hot code).
    let warmAt = Number.NaN;
    const warmCount = Math.ceil(count / 5);
    const report = await runBatch({
      files,
      outputDirectory: join(work, 'out'),
      cwd: work,
      options,
      defaultDate: '2024-03-25',
      writerName: 'offline',
      processor,
      // What the batch holds once every input is done (GC forced): peak RSS also counts garbage not yet collected.
      onEvent: (event) => {
        if (event.type === 'article' && event.completed === warmCount) warmAt = performance.now();
        if (event.type !== 'article' || event.completed !== event.total || !globalThis.gc) return;
        globalThis.gc();
        liveHeapMb = process.memoryUsage().heapUsed / 1024 / 1024;
      },
    });
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    const busy = performance.eventLoopUtilization(busyBefore).utilization;
    const mainThreadCpu = mainThreadCpuMs() - cpuBefore;
    const processCpu = process.cpuUsage(processCpuBefore);
    await processor.close();
    if (report.totals.errors > 0) {
      const first = report.articles.find((article) => article.error)?.error;
      throw new Error(`${report.totals.errors} errors, first: ${first}`);
    }
    return {
      articlesPerSecond: count / seconds,
      // The last four fifths alone: what a long batch sustains once its threads are warm.
      warmArticlesPerSecond: (count - warmCount) / ((ended - warmAt) / 1000),
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      liveHeapMb,
      mainThreadBusy: busy,
      mainThreadCpuMsPerArticle: mainThreadCpu / count,
      // Every thread of the process (workers, GC, compilers): what an article costs the machine.
      processCpuMsPerArticle: (processCpu.user + processCpu.system) / 1000 / count,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--run') {
  const [kind, count, threads] = process.argv.slice(3);
  const result = await runOne(kind, Number(count), Number(threads));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const divisor = process.argv.includes('--quick') ? 10 : 1;
  console.log(
    `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} ` +
      '(other work on the machine skews every figure)',
  );
  const plan = [
    ['example-sized', 1000, [1, 2]],
    ['small', 10_000, [1, 2]],
    ['same-slug', 1000, [1, 2]],
    // The batch's own cost and memory on 100,000 inputs: the articles are not optimized (see above).
    ['machinery', 100_000, [0]],
  ];
  for (const [kind, fullCount, threadCounts] of plan) {
    const count = Math.max(1, Math.round(fullCount / divisor));
    for (const threads of threadCounts) {
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', fileURLToPath(import.meta.url), '--run', kind, String(count), String(threads)],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
      if (child.status !== 0) {
        console.log(`${kind} ${count} × ${threads} thread(s): failed\n${child.stderr}`);
        continue;
      }
      const result = JSON.parse(child.stdout.trim().split('\n').pop());
      console.log(
        `${`${count} ${kind}, ${threads} thread${threads > 1 ? 's' : ''}`.padEnd(32)} ` +
          `${result.articlesPerSecond.toFixed(1).padStart(7)} articles/s (last 4/5: ${result.warmArticlesPerSecond.toFixed(1)})  ` +
          `${result.seconds.toFixed(2).padStart(7)} s  peak RSS ${result.peakRssMb.toFixed(0).padStart(5)} MB (live heap ${result.liveHeapMb.toFixed(0)} MB)  ` +
          `main thread busy ${(result.mainThreadBusy * 100).toFixed(0).padStart(3)} % ` +
          `(${((result.mainThreadBusy * result.seconds * 1000) / count).toFixed(2)} ms per article, ` +
          `CPU ${result.mainThreadCpuMsPerArticle.toFixed(2)} ms per article; ` +
          `whole process CPU ${result.processCpuMsPerArticle.toFixed(1)} ms per article)`,
      );
    }
  }
}
