import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Manifest } from '../../src/batch/batch-manifest.js';
import type { BatchReport } from '../../src/batch/run-batch.js';
import { type AssembledArticles, assembleArticles, frontMatterOf } from './helpers/batch-articles.js';
import { type CliRun, runPlumeCli } from './helpers/plume-batch-bin.js';

// Spawns the built CLI three times (~1-3 s each on two cores): first run, rerun, --force.

const root = mkdtempSync(join(tmpdir(), 'plume-batch-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('plume batch: a folder of articles on worker threads', () => {
  let articles: AssembledArticles;
  let first: CliRun;
  const output = () => join(root, 'out');

  beforeAll(async () => {
    articles = assembleArticles(root);
    first = await runPlumeCli(['batch', 'articles', '-o', 'out', '--date', '2024-03-25', '--threads', '2'], {
      cwd: root,
    });
  });

  it('exits 1 because one input cannot be processed, and says why', () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('articles/empty.txt est vide.');
    expect(first.stderr).toContain('1 fichier ignoré : ni .txt, ni .md, ni .html.');
    // No TTY: one plain progress line per article on stderr.
    expect(first.stderr.match(/^plume: \[\d+\/12\] /gm)).toHaveLength(12);
  });

  it('prints a summary table: file, words, SEO score, constraints, status', () => {
    const lines = first.stdout.split('\n');
    expect(lines[0]).toMatch(/^Fichier\s+Mots\s+SEO\s+Contraintes\s+Statut$/);
    for (const input of articles.inputs) expect(first.stdout).toContain(input);
    expect(lines.find((line) => line.startsWith('articles/short-article.txt'))).toMatch(
      /\d+\s+\d+\s+échec : longueur\s+écrit$/,
    );
    expect(lines.find((line) => line.startsWith('articles/english-article.txt'))).toMatch(/échec : langue/);
    expect(lines.find((line) => line.startsWith('articles/empty.txt'))).toMatch(/—\s+—\s+—\s+erreur$/);
    expect(lines.find((line) => line.startsWith('articles/talents-ia.txt'))).toMatch(
      /1\s\d{3}\s+\d+\s+ok\s+écrit$/,
    );
    const { totals } = readJson<BatchReport>(join(output(), 'batch-report.json'));
    expect(first.stdout).toContain(
      `12 articles en ${/ en ([\d,]+ (?:ms|s)) :/.exec(first.stdout)?.[1]} : 11 écrits, 0 déjà à jour, ` +
        `${totals.passed} conformes, ${totals.constraintFailed} avec une contrainte non respectée, 1 en erreur\n`,
    );
    expect(first.stdout).toContain('Rapport : out/batch-report.json');
  });

  it('writes <base>.md, .html and .report.json per article, disambiguating shared slugs by input name', () => {
    const files = readdirSync(output()).sort();
    const markdown = files.filter((file) => file.endsWith('.md'));
    expect(markdown).toHaveLength(11);
    expect(files.filter((file) => file.endsWith('.html'))).toHaveLength(11);
    expect(files.filter((file) => file.endsWith('.report.json'))).toHaveLength(11);
    expect(files).toContain('.plume-batch.json');
    expect(files).toContain('batch-report.json');
    expect(files.filter((file) => file.endsWith('.tmp') || file.endsWith('.lock'))).toEqual([]);
    // Five inputs give the slug talents-ia: names from the file name, then from the path when it clashes.
    expect(markdown.filter((file) => file.startsWith('talents-ia--')).sort()).toEqual([
      'talents-ia--articles-talents-ia.md',
      'talents-ia--articles-variants-talents-ia-html.md',
      'talents-ia--articles-variants-talents-ia-md.md',
      'talents-ia--talents-ia-auto.md',
      'talents-ia--talents-ia-v2.md',
    ]);
    for (const file of markdown) {
      const frontMatter = frontMatterOf(readFileSync(join(output(), file), 'utf8'));
      expect(frontMatter, file).toBeDefined();
      expect(parseYaml(frontMatter ?? '').generator).toBe('Plume');
    }
  });

  it('records every article done in the manifest, with its content hash and output hashes', () => {
    const manifest = readJson<Manifest>(join(output(), '.plume-batch.json'));
    const keys = Object.keys(manifest.entries);
    expect(keys).toHaveLength(11);
    expect(keys).not.toContain('../articles/empty.txt');
    const entry = manifest.entries['../articles/short-article.txt'];
    expect(entry?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry?.passed).toBe(false);
    expect(entry?.failedConstraints).toEqual(['length']);
    expect(entry?.files.map((file) => file.name)).toEqual([
      `${entry?.base}.md`,
      `${entry?.base}.html`,
      `${entry?.base}.report.json`,
    ]);
    for (const file of entry?.files ?? []) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes batch-report.json with the totals and one entry per article', () => {
    const report = readJson<BatchReport>(join(output(), 'batch-report.json'));
    expect(report.totals).toMatchObject({ articles: 12, written: 11, skipped: 0, errors: 1 });
    // Which articles pass is the offline writer's business; the short and the English one cannot.
    expect(report.totals.passed + report.totals.constraintFailed).toBe(11);
    expect(report.totals.constraintFailed).toBeGreaterThanOrEqual(2);
    const failing = report.articles.filter((article) => article.passed === false).map(({ input }) => input);
    expect(failing).toEqual(expect.arrayContaining(articles.failing));
    expect(report.writer).toBe('offline');
    // --threads 2: on worker threads, whether run from dist/bin (bundle) or dist/cli (tsc).
    expect(report.processor).toBe('2 worker threads');
    expect(report.articles.map((article) => article.input)).toEqual(articles.inputs);
    const empty = report.articles.find((article) => article.input === 'articles/empty.txt');
    expect(empty).toMatchObject({ status: 'error', errorKind: 'input' });
  });

  it('skips every article on a rerun with the same inputs and options, and --force redoes them all', async () => {
    const manifestBefore = readJson<Manifest>(join(output(), '.plume-batch.json'));
    // Any article written by the first run: its file must not be touched by the rerun.
    const written = readdirSync(output()).find((name) => name.endsWith('.md')) as string;
    const modified = statSync(join(output(), written)).mtimeMs;
    const rerun = await runPlumeCli(['batch', 'articles', '-o', 'out', '--date', '2024-03-25'], {
      cwd: root,
    });
    expect(rerun.code).toBe(1);
    expect(rerun.stdout).toMatch(/^12 articles en .* : 0 écrit, 11 déjà à jour, .* 1 en erreur$/m);
    expect(readJson<BatchReport>(join(output(), 'batch-report.json')).totals).toMatchObject({
      written: 0,
      skipped: 11,
    });
    expect(statSync(join(output(), written)).mtimeMs).toBe(modified);
    expect(readJson<Manifest>(join(output(), '.plume-batch.json'))).toEqual(manifestBefore);

    const forced = await runPlumeCli(['batch', 'articles', '-o', 'out', '--date', '2024-03-25', '--force'], {
      cwd: root,
    });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(/^12 articles en .* : 11 écrits, 0 déjà à jour, /m);
    const manifestAfter = readJson<Manifest>(join(output(), '.plume-batch.json'));
    for (const [key, entry] of Object.entries(manifestAfter.entries)) {
      // Same input, same options: the same files again, written anew.
      expect(entry.files, key).toEqual(manifestBefore.entries[key]?.files);
      expect(entry.completedAt > (manifestBefore.entries[key]?.completedAt ?? ''), key).toBe(true);
    }
    expect(readdirSync(output()).filter((file) => file.endsWith('.md'))).toHaveLength(11);
  });
});

describe('plume batch: every write stays in the output folder (issue 9)', () => {
  const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
  const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));

  it('refuses an invalid front matter slug and a crafted manifest: nothing outside -o is written, renamed or deleted', async () => {
    const base = mkdtempSync(join(root, 'contained-'));
    const text = readFileSync(EXAMPLE, 'utf8');
    mkdirSync(join(base, 'in'));
    writeFileSync(join(base, 'in', 'bon.txt'), text);
    for (const [name, slug] of [
      ['evasion.md', '../../victim'],
      ['sous-dossier.md', 'sub/x'],
      ['point.md', '.cache'],
      ['controle.md', '"a\\u0007b"'],
    ] as const) {
      writeFileSync(join(base, 'in', name), `---\nslug: ${slug}\n---\n\n${text}`);
    }
    const victim = join(base, 'victim.md');
    writeFileSync(victim, 'foreign');
    mkdirSync(join(base, 'out'));
    const names = ['../victim.md', '../victim.md', '../victim.md'];
    writeFileSync(
      join(base, 'out', '.plume-batch.json'),
      JSON.stringify({
        version: 1,
        generator: 'Plume',
        entries: {
          '../in/bon.txt': {
            hash: 'f'.repeat(64),
            slug: 'victim',
            base: '../victim',
            files: names.map((name) => ({ name, sha256: sha256('foreign') })),
            passed: true,
            failedConstraints: [],
            words: 1,
            seoScore: 1,
            readabilityScore: 1,
            writer: 'offline',
            completedAt: '2024-03-25T10:00:00.000Z',
            durationMs: 1,
          },
        },
      }),
    );
    const run = await runPlumeCli(['batch', 'in', '-o', 'out', '--threads', '1'], { cwd: base });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('.plume-batch.json : 1 entrée invalide ignorée, cet article sera refait');
    const report = readJson<BatchReport>(join(base, 'out', 'batch-report.json'));
    expect(report.totals).toMatchObject({ written: 1, errors: 4 });
    for (const article of report.articles.filter((entry) => entry.input !== 'in/bon.txt')) {
      expect(article).toMatchObject({ status: 'error', errorKind: 'input' });
      expect(article.error).toMatch(/^le slug du front matter « .* » est invalide/);
    }
    expect(readFileSync(victim, 'utf8')).toBe('foreign');
    expect(readdirSync(base).sort()).toEqual(['in', 'out', 'victim.md']);
    expect(readdirSync(join(base, 'out')).sort()).toEqual([
      '.plume-batch.json',
      'batch-report.json',
      'talents-ia.html',
      'talents-ia.md',
      'talents-ia.report.json',
    ]);
  });

  it.each([
    [
      '--date 2024-02-03T99:99:99Z',
      (base: string) => ['--date', '2024-02-03T99:99:99Z', '-o', join(base, 'out')],
    ],
    ['-o under a regular file (ENOTDIR)', (base: string) => ['-o', join(base, 'in', 'a.txt', 'out')]],
    ['-o with a name too long', (base: string) => ['-o', join(base, 'x'.repeat(300))]],
  ])('%s: exit 2, one French line', async (_name, extra) => {
    const base = mkdtempSync(join(root, 'bad-'));
    mkdirSync(join(base, 'in'));
    writeFileSync(join(base, 'in', 'a.txt'), readFileSync(EXAMPLE, 'utf8'));
    const run = await runPlumeCli(['batch', 'in', '--threads', '1', ...extra(base)], { cwd: base });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plume: [^\n]+\n$/);
    expect(run.stderr).not.toMatch(/internal error|erreur interne|\bat .+:\d+:\d+/);
  });
});
