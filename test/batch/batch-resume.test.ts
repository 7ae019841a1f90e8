import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Manifest } from '../../src/batch/batch-manifest.js';
import type { BatchReport } from '../../src/batch/run-batch.js';
import { jobDelayEnv } from '../helpers/job-delay.js';
import { assembleArticles, frontMatterOf } from './helpers/batch-articles.js';
import { runPlumeCli, spawnPlume } from './helpers/plume-batch-bin.js';

const root = mkdtempSync(join(tmpdir(), 'plume-batch-resume-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const output = join(root, 'out');

/** What the manifest records: the whole manifest (written at the end), then the journal's changes in order. */
function manifestEntries(): Manifest['entries'] {
  // Written atomically: whenever it exists, it is whole.
  const entries: Manifest['entries'] = existsSync(join(output, '.plume-batch.json'))
    ? (JSON.parse(readFileSync(join(output, '.plume-batch.json'), 'utf8')) as Manifest).entries
    : {};
  const journal = join(output, '.plume-batch.journal');
  if (!existsSync(journal)) return entries;
  for (const line of readFileSync(journal, 'utf8').split('\n')) {
    let change: { key: string; entry: Manifest['entries'][string] | null };
    try {
      change = JSON.parse(line);
    } catch {
      // The last line of an append under way (or cut by the kill) may be partial: not recorded yet.
      continue;
    }
    if (change.entry === null) delete entries[change.key];
    else entries[change.key] = change.entry;
  }
  return entries;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every Markdown file in the output is whole: it opens with a front matter that parses. */
function expectWholeMarkdownFiles(): string[] {
  const markdown = readdirSync(output).filter((name) => name.endsWith('.md'));
  for (const name of markdown) {
    const frontMatter = frontMatterOf(readFileSync(join(output, name), 'utf8'));
    expect(frontMatter, name).toBeDefined();
    expect(parseYaml(frontMatter ?? '').slug, name).toMatch(/^[a-z0-9-]+$/);
  }
  return markdown;
}

describe('plume batch: resume after kill -9', () => {
  it('finishes exactly the missing articles, leaving no temporary or partial file', async () => {
    assembleArticles(root);
    const args = ['batch', 'articles', '-o', 'out', '--date', '2024-03-25', '--threads', '2'];
    // Test-only delay (a hook loaded with --import): each article waits 1 s on its thread, so the batch is still running when killed,
    // even when the kill comes seconds after the first article is recorded (a loaded machine).
    const running = spawnPlume(args, { cwd: root, env: jobDelayEnv(1000) });
    // A loaded 2-core machine may take tens of seconds to start the threads: wait long, the kill still comes mid-batch.
    await waitUntil(() => Object.keys(manifestEntries()).length > 0, 90_000);
    running.child.kill('SIGKILL');
    expect((await running.exited).signal).toBe('SIGKILL');

    const doneBefore = manifestEntries();
    const doneCount = Object.keys(doneBefore).length;
    expect(doneCount).toBeGreaterThan(0);
    expect(doneCount).toBeLessThan(11);
    expectWholeMarkdownFiles();

    const rerun = await runPlumeCli(args, { cwd: root });
    expect(rerun.code).toBe(1);
    const report = JSON.parse(readFileSync(join(output, 'batch-report.json'), 'utf8')) as BatchReport;
    // Each article done once overall: those recorded before the kill are skipped, the others written now.
    expect(report.totals).toMatchObject({
      articles: 12,
      written: 11 - doneCount,
      skipped: doneCount,
      errors: 1,
    });
    const doneAfter = manifestEntries();
    expect(Object.keys(doneAfter)).toHaveLength(11);
    for (const [key, entry] of Object.entries(doneBefore)) {
      expect(doneAfter[key]?.completedAt, key).toBe(entry.completedAt);
      expect(doneAfter[key]?.hash, key).toBe(entry.hash);
    }
    expect(readdirSync(output).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);
    expect(expectWholeMarkdownFiles()).toHaveLength(11);
  });
});
