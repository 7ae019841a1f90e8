// Benchmarks: prints figures, asserts nothing. Run with `npm run bench` (builds first).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditDocument, ingest, optimize } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = readFileSync(`${root}examples/talents-ia.txt`, 'utf8');
const options = { keyphrase: 'talents en IA' };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeRuns(runs, task) {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint();
    task();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

function formatMs(value) {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

const rows = [];
async function benchAudit(label, text, runs) {
  const document = await ingest(text, { format: 'text' });
  const words = auditDocument(document, options).statistics.bodyWords;
  timeRuns(5, () => auditDocument(document, options)); // warm-up: JIT and stem cache
  const times = timeRuns(runs, () => auditDocument(document, options));
  const result = { label, words, median: median(times), min: Math.min(...times) };
  rows.push(result);
  console.log(
    `audit ${label.padEnd(22)} ${String(words).padStart(7)} words  median ${formatMs(result.median).padStart(10)}  min ${formatMs(result.min)}  (${runs} runs)`,
  );
  return result;
}

console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
console.log('\n# In-process, warm (analysis + every assessment, from a parsed document)');
const one = await benchAudit('example (1x)', example, 50);
const ten = await benchAudit('example x10', Array(10).fill(example).join('\n'), 20);
const hundred = await benchAudit('example x100', Array(100).fill(example).join('\n'), 20);
console.log(
  `growth: x10 took ${(ten.median / one.median).toFixed(1)}x the time, x100 took ${(hundred.median / one.median).toFixed(1)}x (linear = 10x and 100x; target x100 <= 150x)`,
);

console.log('\n# French primitives on the example article, warm (timings tests must not assert)');
{
  const [{ detectLanguage }, { findTransitionWords }, { fixTypography }] = await Promise.all([
    import('../dist/lang/fr/detect-language.js'),
    import('../dist/lang/fr/transition-words.js'),
    import('../dist/lang/fr/typography.js'),
  ]);
  const sentences = example.split(/(?<=[.!?])\s+/);
  const primitives = [
    ['detectLanguage', () => detectLanguage(example)],
    [
      'findTransitionWords',
      () => {
        for (const sentence of sentences) findTransitionWords(sentence);
      },
    ],
    ['fixTypography', () => fixTypography(example)],
  ];
  for (const [label, task] of primitives) {
    timeRuns(5, task);
    const times = timeRuns(50, task);
    console.log(`${label.padEnd(29)} median ${formatMs(median(times))}  (50 runs)`);
  }
}

console.log('\n# In-process, warm, including ingest (text -> Document)');
{
  await ingest(example);
  const times = [];
  for (let run = 0; run < 30; run += 1) {
    const start = process.hrtime.bigint();
    auditDocument(await ingest(example), options);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`ingest + audit example       median ${formatMs(median(times))}  (30 runs)`);
}

console.log('\n# Offline optimize, in-process, warm (ingest excluded: from a parsed document)');
async function benchOptimize(label, text, runs, format = 'text') {
  const document = await ingest(text, { format });
  const optimizeOptions = { date: '2024-03-25' };
  const first = await optimize(document, optimizeOptions);
  for (let run = 0; run < 3; run += 1) await optimize(document, optimizeOptions);
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint();
    await optimize(document, optimizeOptions);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(
    `optimize ${label.padEnd(22)} ${String(first.report.source.words).padStart(7)} words  median ${formatMs(median(times)).padStart(10)}  min ${formatMs(Math.min(...times))}  (${runs} runs)`,
  );
}
const longArticle = readFileSync(`${root}test/golden/long-no-headings/input.txt`, 'utf8');
await benchOptimize('example', example, 30);
await benchOptimize('2,000-word article', longArticle, 20);
await benchOptimize('20,000-word article', Array(9).fill(longArticle).join('\n\n'), 5);

// The figures above repeat one text, so every sentence-keyed memo is warm after the first run. Below,
// each run gets a text of its own: the example with its numbers and a name changed in every sentence
// that has one, and a rotating subject in each paragraph, so no sentence repeats; then the same with
// the memos (stems, syllables, transition words) cleared before each run. The shared Lefff lexicon
// keeps its per-word cache, as it does in a batch or a server.
console.log(
  '\n# Offline optimize on a different text each run (unique sentences), warm and with memos cleared',
);
{
  const [{ clearStemMemo }, { clearTransitionWordMemo }, { clearSyllableMemo }] = await Promise.all([
    import('../dist/lang/fr/stem.js'),
    import('../dist/lang/fr/transition-words.js'),
    import('../dist/analyze/analyze.js'),
  ]);
  const clearMemos = () => {
    clearStemMemo();
    clearTransitionWordMemo();
    clearSyllableMemo();
  };
  const subjects = [
    'les recruteurs',
    'les entreprises',
    'les candidats',
    'les laboratoires',
    'les investisseurs',
  ];
  const variantOf = (text, run) =>
    text
      .replace(/\d+/gu, (digits) => String(Number(digits) + run + 1))
      .split(/\n{2,}/u)
      .map((paragraph, index) =>
        paragraph.length > 80
          ? `${paragraph} Pour ${subjects[(run + index) % subjects.length]}, la variante ${run * 97 + index} compte.`
          : paragraph,
      )
      .join('\n\n');
  const optimizeOptions = { date: '2024-03-25' };
  async function benchUnique(label, text, runs) {
    const documents = [];
    for (let run = 0; run < 2 * runs + 3; run += 1)
      documents.push(await ingest(variantOf(text, run), { format: 'text' }));
    for (let run = 0; run < 3; run += 1) await optimize(documents[run], optimizeOptions);
    const warm = [];
    const cold = [];
    for (let run = 0; run < runs; run += 1) {
      let start = process.hrtime.bigint();
      await optimize(documents[3 + 2 * run], optimizeOptions);
      warm.push(Number(process.hrtime.bigint() - start) / 1e6);
      clearMemos();
      start = process.hrtime.bigint();
      await optimize(documents[4 + 2 * run], optimizeOptions);
      cold.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    console.log(
      `optimize ${label.padEnd(22)} unique texts median ${formatMs(median(warm)).padStart(9)}  min ${formatMs(Math.min(...warm))}   memos cleared median ${formatMs(median(cold)).padStart(9)}  min ${formatMs(Math.min(...cold))}  (${runs} runs each)`,
    );
  }
  await benchUnique('example', example, 30);
  await benchUnique('2,000-word article', longArticle, 10);
}

console.log('\n# CLI cold start: `plume audit examples/talents-ia.txt` (new node process each run)');
{
  const bin = `${root}dist/bin/main.js`;
  const times = [];
  for (let run = 0; run < 12; run += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [bin, 'audit', `${root}examples/talents-ia.txt`, '-k', 'talents en IA'],
      { encoding: 'utf8' },
    );
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`plume audit failed: ${result.stderr}`);
  }
  console.log(
    `cold start plume audit        median ${formatMs(median(times))}  min ${formatMs(Math.min(...times))}  (12 runs; target <= 400 ms)`,
  );
}

console.log(
  '\n# CLI cold start: `plume optimize examples/talents-ia.txt -o <tmp>` (new node process each run)',
);
{
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const output = mkdtempSync(`${tmpdir()}/plume-bench-`);
  const bin = `${root}dist/bin/main.js`;
  const times = [];
  for (let run = 0; run < 12; run += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [bin, 'optimize', `${root}examples/talents-ia.txt`, '-o', output],
      { encoding: 'utf8' },
    );
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`plume optimize failed (${result.status}): ${result.stderr}`);
  }
  console.log(
    `cold start plume optimize     median ${formatMs(median(times))}  min ${formatMs(Math.min(...times))}  (12 runs; target <= 500 ms)`,
  );
}
