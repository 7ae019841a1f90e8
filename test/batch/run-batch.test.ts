import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleProcessor } from '../../src/batch/article-processor.js';
import type { ArticleOutcome, ArticleTask, BatchArticleOptions } from '../../src/batch/article-task.js';
import { BatchLockedError } from '../../src/batch/batch-lock.js';
import type { Manifest } from '../../src/batch/batch-manifest.js';
import { RESULTS_PER_WRITE } from '../../src/batch/batch-result-log.js';
import { type BatchEvent, batchExitCode, runBatch } from '../../src/batch/run-batch.js';
import { createStagingFiles, stageOutcome } from '../../src/batch/stage-outcome.js';
import { InputError } from '../../src/ingest/input-error.js';
import { emptyWriterStats } from '../../src/write/writer.js';

// runBatch with a fake processor: the bookkeeping (manifest, skips, names, failures) without optimizing.

const root = mkdtempSync(join(tmpdir(), 'plume-run-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const OPTIONS: BatchArticleOptions = { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false };

/**
 * Articles are « slug: text » lines; `fail` in the text makes the processor throw. `staged` stages the
 * files as a worker thread does (`processStaged`); `stagedNames` replaces the names it reports.
 */
function fakeProcessor(
  options: { delays?: Record<string, number>; staged?: boolean; stagedNames?: string[] } = {},
): ArticleProcessor & { calls: string[] } {
  const calls: string[] = [];
  const processor = {
    calls,
    concurrency: 4,
    description: 'fake',
    async process(task: ArticleTask): Promise<ArticleOutcome> {
      calls.push(task.fileName);
      const [slug = 'article', body = ''] = task.text.trim().split(': ');
      await new Promise((resolve) => setTimeout(resolve, options.delays?.[slug + body] ?? 1));
      if (body.includes('crash')) throw new Error(`the writer crashed on ${task.fileName}`);
      return {
        slug,
        markdown: `---\ngenerator: Plume\nslug: ${slug}\n---\n\n# ${body}\n`,
        html: `<!DOCTYPE html><meta name="generator" content="Plume"><h1>${body}</h1>\n`,
        reportJson: `{"generator": "Plume", "body": ${JSON.stringify(body)}}\n`,
        passed: !body.includes('short'),
        failedConstraints: body.includes('short') ? ['length'] : [],
        words: body.split(' ').length,
        seoScore: 90,
        readabilityScore: 80,
        writer: 'fake',
        writerStats: emptyWriterStats(),
      };
    },
    async close() {},
  };
  if (!options.staged) return processor;
  return {
    ...processor,
    async processStaged(task: ArticleTask, _jobId: string, directory: string) {
      const staged = await stageOutcome(await processor.process(task), createStagingFiles(directory));
      const names = options.stagedNames;
      return names
        ? { ...staged, staged: staged.staged.map((file, index) => ({ ...file, name: names[index] ?? '' })) }
        : staged;
    },
  };
}

let folders = 0;
/** A fresh input folder with these files (name -> content) and its output folder. */
function setUp(files: Record<string, string>): { input: string; output: string; paths: string[] } {
  const base = join(root, `case-${++folders}`);
  const input = join(base, 'in');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(input, name, '..'), { recursive: true });
    writeFileSync(join(input, name), content);
  }
  return {
    input,
    output: join(base, 'out'),
    paths: Object.keys(files)
      .map((name) => join(input, name))
      .sort(),
  };
}

function batch(
  paths: string[],
  output: string,
  processor: ArticleProcessor,
  extra: Partial<Parameters<typeof runBatch>[0]> = {},
) {
  return runBatch({
    files: paths,
    outputDirectory: output,
    cwd: join(output, '..'),
    options: OPTIONS,
    defaultDate: '2024-03-25',
    writerName: 'fake',
    processor,
    ...extra,
  });
}

const outputFiles = (output: string) =>
  readdirSync(output)
    .filter((name) => !name.startsWith('.') && name !== 'batch-report.json')
    .sort();
const manifestOf = (output: string) =>
  JSON.parse(readFileSync(join(output, '.plume-batch.json'), 'utf8')) as Manifest;

describe('runBatch', () => {
  it('writes each article once, records it, and names shared slugs the same whatever finishes first', async () => {
    const files = {
      'a.txt': 'alpha: first article',
      'b/alpha.md': 'alpha: second article',
      'c/alpha.md': 'alpha: third article',
      'd.txt': 'delta: lone article',
    };
    const names: string[][] = [];
    const orders: Record<string, number>[] = [{}, { 'alphafirst article': 40, 'alphasecond article': 20 }];
    for (const delays of orders) {
      const { output, paths } = setUp(files);
      const processor = fakeProcessor({ delays });
      const report = await batch(paths, output, processor);
      expect(report.totals).toMatchObject({ articles: 4, written: 4, skipped: 0, errors: 0, passed: 4 });
      expect(processor.calls).toHaveLength(4);
      names.push(outputFiles(output));
      expect(Object.keys(manifestOf(output).entries).sort()).toEqual([
        '../in/a.txt',
        '../in/b/alpha.md',
        '../in/c/alpha.md',
        '../in/d.txt',
      ]);
    }
    expect(names[0]).toEqual(names[1]);
    expect(names[0]?.filter((name) => name.endsWith('.md'))).toEqual([
      'alpha--a.md',
      'alpha--in-b-alpha.md',
      'alpha--in-c-alpha.md',
      'delta.md',
    ]);
  });

  it('skips what is done, redoes what changed, and gives a slug back when its other holder leaves', async () => {
    const { input, output, paths } = setUp({
      'one.txt': 'same: one',
      'two.txt': 'same: two',
      'three.txt': 'other: three',
    });
    await batch(paths, output, fakeProcessor());
    expect(outputFiles(output).filter((name) => name.endsWith('.md'))).toEqual([
      'other.md',
      'same--one.md',
      'same--two.md',
    ]);

    const rerun = fakeProcessor();
    const skipped = await batch(paths, output, rerun);
    expect(rerun.calls).toEqual([]);
    expect(skipped.totals).toMatchObject({ written: 0, skipped: 3 });
    expect(skipped.articles.map((article) => article.status)).toEqual(['skipped', 'skipped', 'skipped']);

    // A changed input is redone; a slug it no longer shares goes back to its other holder.
    writeFileSync(join(input, 'two.txt'), 'renamed: two');
    const changed = fakeProcessor();
    await batch(paths, output, changed);
    expect(changed.calls).toEqual(['in/two.txt']);
    expect(outputFiles(output).filter((name) => name.endsWith('.md'))).toEqual([
      'other.md',
      'renamed.md',
      'same.md',
    ]);
    expect(manifestOf(output).entries['../in/one.txt']?.base).toBe('same');

    // Other options: everything is redone.
    const otherOptions = fakeProcessor();
    await batch(paths, output, otherOptions, { options: { ...OPTIONS, minWords: 300 } });
    expect(otherOptions.calls).toHaveLength(3);
  });

  it('redoes an article whose output was changed or removed, and --force redoes everything', async () => {
    const { output, paths } = setUp({ 'a.txt': 'apple: a', 'b.txt': 'berry: b' });
    await batch(paths, output, fakeProcessor());
    writeFileSync(join(output, 'apple.html'), '<!DOCTYPE html><meta name="generator" content="Plume">edited');
    rmSync(join(output, 'berry.report.json'));
    const repair = fakeProcessor();
    await batch(paths, output, repair);
    expect(repair.calls.sort()).toEqual(['in/a.txt', 'in/b.txt']);
    const forced = fakeProcessor();
    await batch(paths, output, forced, { force: true });
    expect(forced.calls).toHaveLength(2);
  });

  it('reports failures without stopping the others: exit 1 for an error, 3 for a failed constraint', async () => {
    const { output, paths } = setUp({
      'a.txt': 'apple: crash now',
      'b.txt': 'berry: too short',
      'c.txt': 'cherry: fine',
    });
    const missing = join(output, '..', 'in', 'gone.txt');
    const events: BatchEvent[] = [];
    const report = await batch(paths, output, fakeProcessor(), {
      missing: [missing],
      onEvent: (event) => events.push(event),
    });
    expect(report.totals).toEqual({
      articles: 4,
      written: 2,
      skipped: 0,
      passed: 1,
      constraintFailed: 1,
      errors: 2,
    });
    expect(report.articles.find((article) => article.input === 'in/a.txt')).toMatchObject({
      status: 'error',
      errorKind: 'internal',
      error: 'the writer crashed on in/a.txt',
    });
    expect(report.articles.find((article) => article.input === 'in/gone.txt')).toMatchObject({
      status: 'error',
      errorKind: 'input',
      error: 'Fichier introuvable : in/gone.txt',
    });
    expect(batchExitCode(report)).toBe(1);
    expect(
      events
        .filter((event) => event.type === 'article')
        .map((event) => event.type === 'article' && event.completed),
    ).toEqual([1, 2, 3, 4]);
    expect(Object.keys(manifestOf(output).entries)).toHaveLength(2);

    const onlyConstraint = await batch(paths.slice(1), output, fakeProcessor());
    expect(batchExitCode(onlyConstraint)).toBe(3);
    expect(batchExitCode(await batch(paths.slice(2), output, fakeProcessor()))).toBe(0);
  });

  it('removes the staged files a worker thread stopped mid-article left, once every article is written', async () => {
    const { output, paths } = setUp({ 'a.txt': 'first: a', 'b.txt': 'second: b' });
    const staged = fakeProcessor({ staged: true });
    const left = '.staged.md.0123456789ab.tmp';
    // As a thread terminated by its time limit leaves them: created during the run, never renamed.
    const leaving = {
      ...staged,
      async processStaged(task: ArticleTask, jobId: string, directory: string) {
        writeFileSync(join(directory, left), '');
        return (staged.processStaged as NonNullable<ArticleProcessor['processStaged']>)(
          task,
          jobId,
          directory,
        );
      },
    };
    const report = await batch(paths, output, leaving);
    expect(report.articles.map((article) => article.error ?? null)).toEqual([null, null]);
    expect(readdirSync(output).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(output)).toEqual(expect.arrayContaining(['first.md', 'second.md']));
  });

  it('reports an empty or binary input as bad input', async () => {
    const { output, paths } = setUp({ 'empty.txt': '', 'binary.txt': '\u0000\u0001\u0002' });
    const report = await batch(paths, output, fakeProcessor());
    expect(report.articles.map((article) => [article.input, article.errorKind, article.error])).toEqual([
      ['in/binary.txt', 'input', 'in/binary.txt ressemble à un fichier binaire, pas à du texte.'],
      ['in/empty.txt', 'input', 'in/empty.txt est vide.'],
    ]);
    expect(InputError.isInstance(new InputError('empty', 'x'))).toBe(true);
  });

  it('never overwrites a file it did not write', async () => {
    const { output, paths } = setUp({ 'a.txt': 'mine: a' });
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, 'mine.md'), '# my own notes\n');
    const report = await batch(paths, output, fakeProcessor());
    expect(report.articles[0]?.error).toMatch(/refus d’écraser .*mine\.md, que Plume n’a pas écrit/);
    expect(readFileSync(join(output, 'mine.md'), 'utf8')).toBe('# my own notes\n');
  });

  it('removes the temporary files a killed run left, and refuses a folder another live batch holds', async () => {
    const { output, paths } = setUp({ 'a.txt': 'apple: a' });
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, 'apple.md.0123456789ab.tmp'), 'half a file');
    await batch(paths, output, fakeProcessor());
    expect(existsSync(join(output, 'apple.md.0123456789ab.tmp'))).toBe(false);
    expect(existsSync(join(output, '.plume-batch.lock'))).toBe(false);

    // The parent process (vitest's) is alive: its lock stands.
    writeFileSync(join(output, '.plume-batch.lock'), `${process.ppid}\n`);
    await expect(batch(paths, output, fakeProcessor())).rejects.toThrow(BatchLockedError);
    // A lock whose process is gone (kill -9) is taken over.
    writeFileSync(join(output, '.plume-batch.lock'), '999999999\n');
    expect((await batch(paths, output, fakeProcessor())).totals.skipped).toBe(1);
  });
});

describe('runBatch: every file name stays in the output folder', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('refuses a processor result whose slug is not one (a worker thread or queue worker sent it)', async () => {
    const { output, paths } = setUp({ 'a.txt': '../../victim: escape', 'b.txt': 'beta: fine' });
    const report = await batch(paths, output, fakeProcessor());
    expect(report.totals).toMatchObject({ written: 1, errors: 1 });
    expect(report.articles[0]).toMatchObject({
      status: 'error',
      errorKind: 'input',
      error: 'le résultat reçu porte un slug invalide : article non écrit.',
    });
    expect(existsSync(join(output, '..', '..', 'victim.md'))).toBe(false);
    expect(readdirSync(join(output, '..'))).toEqual(['in', 'out']);
  });

  it('never deletes or renames outside the folder from a crafted manifest, and redoes its articles', async () => {
    const { output, paths } = setUp({ 'a.txt': 'alpha: first', 'b.txt': 'beta: second' });
    const victim = join(output, '..', 'victim.md');
    writeFileSync(victim, 'secret');
    mkdirSync(output, { recursive: true });
    const crafted = {
      hash: 'f'.repeat(64),
      slug: 'alpha',
      base: 'alpha',
      // What removeAbandonedFiles would delete and reconcile would rename.
      files: ['../victim.md', '../victim.md', '../victim.md'].map((name) => ({
        name,
        sha256: sha256('secret'),
      })),
      passed: true,
      failedConstraints: [],
      words: 1,
      seoScore: 1,
      readabilityScore: 1,
      writer: 'fake',
      completedAt: '2024-03-25T10:00:00.000Z',
      durationMs: 1,
    };
    writeFileSync(
      join(output, '.plume-batch.json'),
      JSON.stringify({
        version: 1,
        generator: 'Plume',
        entries: { '../in/a.txt': crafted, '../in/b.txt': { ...crafted, base: '../x', slug: 'beta' } },
      }),
    );
    const events: BatchEvent[] = [];
    const report = await batch(paths, output, fakeProcessor(), { onEvent: (event) => events.push(event) });
    expect(report.totals).toMatchObject({ written: 2, errors: 0 });
    expect(readFileSync(victim, 'utf8')).toBe('secret');
    expect(outputFiles(output)).toEqual([
      'alpha.html',
      'alpha.md',
      'alpha.report.json',
      'beta.html',
      'beta.md',
      'beta.report.json',
    ]);
    expect(events).toContainEqual({
      type: 'warning',
      message: '.plume-batch.json : 2 entrées invalides ignorées, ces articles seront refaits',
    });
  });

  it('reads a manifest with wrong types as entries to redo, not a crash', async () => {
    const { output, paths } = setUp({ 'a.txt': 'alpha: first' });
    mkdirSync(output, { recursive: true });
    writeFileSync(
      join(output, '.plume-batch.json'),
      JSON.stringify({
        version: 1,
        entries: { '../in/a.txt': null, '../in/z.txt': { slug: 5, files: null } },
      }),
    );
    const report = await batch(paths, output, fakeProcessor());
    expect(report.totals).toMatchObject({ written: 1, errors: 0 });
    expect(Object.keys(manifestOf(output).entries)).toEqual(['../in/a.txt']);
  });
});

describe('runBatch: files staged by the worker threads', () => {
  const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

  it('renames what the threads wrote to the final names, with the hashes they computed, leaving no temporary file', async () => {
    const files = { 'a.txt': 'alpha: first', 'b/alpha.md': 'alpha: second', 'd.txt': 'delta: lone' };
    const { output, paths } = setUp(files);
    const report = await batch(paths, output, fakeProcessor({ staged: true }));
    expect(report.totals).toMatchObject({ written: 3, errors: 0 });
    expect(outputFiles(output).filter((name) => name.endsWith('.md'))).toEqual([
      'alpha--a.md',
      'alpha--alpha.md',
      'delta.md',
    ]);
    expect(readdirSync(output).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const entry of Object.values(manifestOf(output).entries)) {
      for (const file of entry.files) expect(sha256(readFileSync(join(output, file.name)))).toBe(file.sha256);
    }
    expect(readFileSync(join(output, 'alpha--alpha.md'), 'utf8')).toContain('# second');
  });

  it('refuses staged names that are not temporary files of the folder, and removes the staged files on an error', async () => {
    const { output, paths } = setUp({ 'a.txt': 'alpha: first', 'b.txt': 'mine: b' });
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, 'keep.md'), 'not a staged file');
    const crafted = await batch(
      paths.slice(0, 1),
      output,
      fakeProcessor({ staged: true, stagedNames: ['keep.md', 'x.html', 'y.report.json'] }),
    );
    expect(crafted.articles[0]?.error).toBe(
      'le résultat reçu nomme des fichiers inattendus : article non écrit.',
    );
    expect(readFileSync(join(output, 'keep.md'), 'utf8')).toBe('not a staged file');
    // A file Plume did not write is never replaced: the staged files go, the article is an error.
    writeFileSync(join(output, 'mine.md'), '# my own notes\n');
    const refused = await batch(paths.slice(1), output, fakeProcessor({ staged: true }));
    expect(refused.articles[0]?.error).toMatch(/mine\.md/u);
    expect(readdirSync(output).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('swaps names through temporary ones when a final name is the one another article has now', async () => {
    const { output, paths } = setUp({ 'a.txt': 'same: one', 'b.txt': 'same: two' });
    await batch(paths, output, fakeProcessor({ staged: true }));
    expect(readFileSync(join(output, 'same--a.md'), 'utf8')).toContain('# one');
    // As a run killed after the first placements would leave them: each article under the other's name.
    const manifest = manifestOf(output);
    const [a, b] = [manifest.entries['../in/a.txt'], manifest.entries['../in/b.txt']];
    if (!a || !b) throw new Error('both articles are recorded');
    for (const extension of ['.md', '.html', '.report.json']) {
      renameSync(join(output, `same--a${extension}`), join(output, `swap${extension}`));
      renameSync(join(output, `same--b${extension}`), join(output, `same--a${extension}`));
      renameSync(join(output, `swap${extension}`), join(output, `same--b${extension}`));
    }
    const swapped = (entry: typeof a, base: string) => ({
      ...entry,
      base,
      files: entry.files.map((file, index) => ({
        ...file,
        name: `${base}${['.md', '.html', '.report.json'][index]}`,
      })),
    });
    manifest.entries['../in/a.txt'] = swapped(a, 'same--b');
    manifest.entries['../in/b.txt'] = swapped(b, 'same--a');
    writeFileSync(join(output, '.plume-batch.json'), JSON.stringify(manifest));
    const rerun = fakeProcessor({ staged: true });
    const report = await batch(paths, output, rerun);
    expect(rerun.calls).toEqual([]);
    expect(report.totals).toMatchObject({ skipped: 2 });
    expect(readFileSync(join(output, 'same--a.md'), 'utf8')).toContain('# one');
    expect(readFileSync(join(output, 'same--b.md'), 'utf8')).toContain('# two');
    expect(manifestOf(output).entries['../in/a.txt']?.base).toBe('same--a');
    expect(readdirSync(output).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('runBatch: memory bounded by the inputs in flight, not their count', () => {
  it('never holds more than a slice of results, and reports every article as one list did', async () => {
    const count = RESULTS_PER_WRITE * 3 + 17;
    const files: Record<string, string> = {};
    // Names in the reverse of the order they are handed out in, some errors among them.
    for (let index = 0; index < count; index += 1) {
      files[`${String(count - index).padStart(4, '0')}.txt`] =
        index % 50 === 0 ? `article-${index}: crash` : `article-${index}: text ${index}`;
    }
    files['shared/x.txt'] = 'article-1: same slug as another';
    const { output, paths } = setUp(files);
    let mostResults = 0;
    const report = await batch(paths, output, fakeProcessor({ staged: true }), {
      onHeld: ({ results }) => {
        mostResults = Math.max(mostResults, results);
      },
    });
    expect(mostResults).toBeGreaterThan(0);
    expect(mostResults).toBeLessThanOrEqual(RESULTS_PER_WRITE);
    expect(report.totals).toMatchObject({ articles: count + 1, errors: Math.ceil(count / 50) });
    const articles = report.articles;
    expect(articles.map((article) => article.input)).toEqual(
      [...articles.map((article) => article.input)].sort((left, right) => (left < right ? -1 : 1)),
    );
    expect(articles).toHaveLength(count + 1);
    // The names renamed at the end (shared slug) are the ones reported.
    const shared = articles.filter((article) => article.slug === 'article-1');
    expect(shared.map((article) => article.files?.[0])).toEqual([
      `article-1--${String(count - 1).padStart(4, '0')}.md`,
      'article-1--x.md',
    ]);
    for (const article of shared) expect(existsSync(join(output, article.files?.[0] ?? ''))).toBe(true);
    expect(readdirSync(output).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The report file holds exactly what `JSON.stringify(report, null, 2)` would.
    const written = readFileSync(join(output, 'batch-report.json'), 'utf8');
    expect(written).toBe(`${JSON.stringify(JSON.parse(written), null, 2)}\n`);
    expect(JSON.parse(written).articles).toEqual(articles);
  });
});
