import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

const SPAWN_TIMEOUT_MS = 60_000;
const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));

/** A site folder: two articles under articles/, a note that is not one. */
function site(): string {
  const root = mkdtempSync(join(tmpdir(), 'plume-audit-ci-'));
  mkdirSync(join(root, 'articles'));
  copyFileSync(EXAMPLE, join(root, 'articles', 'talents.txt'));
  writeFileSync(
    join(root, 'articles', 'court.md'),
    '---\ntitle: Un article court\n---\n\n# Un article court\n\nTrop court pour être bien noté, il n’a que deux phrases. Voilà.\n',
  );
  writeFileSync(join(root, 'articles', 'notes.pdf'), 'pas un article');
  return root;
}

describe('plume audit for CI', () => {
  it(
    'audits a pattern; --fail-under exits 3 and says which file and score',
    async () => {
      const cwd = site();
      const scores = JSON.parse((await runPlume(['audit', 'articles/*', '--json'], { cwd })).stdout) as {
        file: string;
        scores: { seo: number };
      }[];
      const [low, high] = [...scores].sort((first, second) => first.scores.seo - second.scores.seo);
      expect(low?.scores.seo).toBeLessThan(high?.scores.seo ?? 0);
      // The better file reaches the threshold, the other does not.
      const threshold = high?.scores.seo ?? 0;
      const run = await runPlume(['audit', 'articles/*', '--fail-under', `seo=${threshold},readability=0`], {
        cwd,
      });
      expect(run.code).toBe(3);
      expect(run.stdout).toContain('Audit SEO et lisibilité — articles/court.md');
      expect(run.stdout).toContain('Audit SEO et lisibilité — articles/talents.txt');
      expect(run.stdout).toMatch(
        /2 fichiers audités · SEO moyen \d+\/100 · lisibilité moyenne \d+\/100 · 1 sous le seuil/u,
      );
      expect(run.stderr).toBe(
        `plume: ${low?.file} : score SEO ${low?.scores.seo}/100, sous le seuil de ${threshold} (--fail-under)\n`,
      );
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'exits 0 when every score reaches its threshold',
    async () => {
      const run = await runPlume(['audit', EXAMPLE, '--fail-under', 'seo=10'], {});
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    '--json gives an array for several files, an object for one',
    async () => {
      const cwd = site();
      const several = await runPlume(['audit', 'articles/', '--json'], { cwd });
      expect(several.code).toBe(0);
      const reports = JSON.parse(several.stdout) as { file: string; scores: { seo: number } }[];
      expect(reports.map((report) => report.file)).toEqual([
        join('articles', 'court.md'),
        join('articles', 'talents.txt'),
      ]);
      expect(typeof reports[0]?.scores.seo).toBe('number');
      const one = JSON.parse((await runPlume(['audit', 'articles/court.md', '--json'], { cwd })).stdout);
      expect(Array.isArray(one)).toBe(false);
      expect(one.scores).toBeDefined();
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    '--format github writes workflow annotations GitHub shows on the diff',
    async () => {
      const cwd = site();
      const run = await runPlume(
        ['audit', 'articles/court.md', '--format', 'github', '--fail-under', 'seo=90'],
        {
          cwd,
        },
      );
      expect(run.code).toBe(3);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^::error file=articles\/court\.md,line=1,title=Plume %3A seuil non atteint::Score SEO \d+\/100, sous le seuil de 90/u,
      );
      expect(
        lines
          .slice(1)
          .every((line) =>
            /^::(warning|notice) file=articles\/court\.md,line=\d+,title=Plume %3A [^:]+::\S/u.test(line),
          ),
      ).toBe(true);
      expect(lines.length).toBeGreaterThan(2);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    '--format sarif writes a SARIF 2.1.0 log with rules, levels and lines',
    async () => {
      const cwd = site();
      const run = await runPlume(['audit', 'articles/*.md', '--format', 'sarif'], { cwd });
      expect(run.code).toBe(0);
      const log = JSON.parse(run.stdout);
      expect(log.version).toBe('2.1.0');
      const [sarifRun] = log.runs;
      expect(sarifRun.tool.driver.name).toBe('Plume');
      expect(sarifRun.results.length).toBeGreaterThan(0);
      for (const result of sarifRun.results) {
        expect(['warning', 'note']).toContain(result.level);
        expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('articles/court.md');
        expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      }
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'the old --format markdown still reads the input, with a notice to use --input-format',
    async () => {
      const run = await runPlume(['audit', EXAMPLE, '--format', 'markdown', '--json'], {});
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(
        'plume: --format markdown est obsolète pour le format d’entrée : utilisez --input-format markdown (--format choisit désormais le format de sortie).\n',
      );
      expect(JSON.parse(run.stdout).scores).toBeDefined();
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'the configuration switches an assessment off and tunes another, from two folders up',
    async () => {
      const cwd = site();
      writeFileSync(
        join(cwd, 'plume.config.yaml'),
        'audit:\n  disable: [transition-words]\n  thresholds:\n    sentenceLength: { maxWords: 8 }\n',
      );
      const deep = join(cwd, 'articles');
      const plain = JSON.parse((await runPlume(['audit', EXAMPLE, '--json'], {})).stdout);
      const tuned = JSON.parse((await runPlume(['audit', EXAMPLE, '--json'], { cwd: deep })).stdout);
      const ids = (report: { results: { id: string }[] }) => report.results.map((result) => result.id);
      expect(ids(plain)).toContain('transition-words');
      expect(ids(tuned)).not.toContain('transition-words');
      const sentences = (report: { results: { id: string; params: { words?: number } }[] }) =>
        report.results.find((result) => result.id === 'sentence-length')?.params.words;
      expect(sentences(plain)).toBe(20);
      expect(sentences(tuned)).toBe(8);
    },
    SPAWN_TIMEOUT_MS,
  );
});
