import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

const SPAWN_TIMEOUT_MS = 60_000;
const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));

describe('the configuration reaches the output', () => {
  it(
    'site values from a YAML file two folders up fill Open Graph and JSON-LD; flags still win',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'plume-site-'));
      const deep = join(root, 'blog', 'articles');
      mkdirSync(deep, { recursive: true });
      writeFileSync(
        join(root, 'plume.config.yaml'),
        'site:\n  name: Le Journal des talents\n  author: Jeanne Dupont\n  locale: fr-CA\n  image: https://example.org/partage.png\n',
      );
      const run = await runPlume(['optimize', EXAMPLE, '--format', 'html', '-o', 'out'], { cwd: deep });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const html = readFileSync(join(deep, 'out', run.stdout.match(/out\/(\S+\.html)/u)?.[1] ?? ''), 'utf8');
      expect(html).toContain('<meta property="og:site_name" content="Le Journal des talents">');
      expect(html).toContain('<meta name="author" content="Jeanne Dupont">');
      expect(html).toContain('<html lang="fr-CA">');
      expect(html).toContain('<meta property="og:image" content="https://example.org/partage.png">');
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(html).toMatch(/"image":\{[^}]*"url":"https:\/\/example\.org\/partage\.png"/u);

      const flagged = await runPlume(
        [
          'optimize',
          EXAMPLE,
          '--format',
          'html',
          '-o',
          '-',
          '--site-name',
          'Autre site',
          '--locale',
          'fr-BE',
        ],
        { cwd: deep },
      );
      expect(flagged.stdout).toContain('content="Autre site"');
      expect(flagged.stdout).toContain('<html lang="fr-BE">');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'site.minWords is the length constraint (exit 3 when the article is shorter)',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'plume-site-'));
      writeFileSync(
        join(root, 'package.json'),
        JSON.stringify({ name: 'blog', plume: { site: { minWords: 5000 } } }),
      );
      const run = await runPlume(['optimize', EXAMPLE, '-o', 'out'], { cwd: root });
      expect(run.code).toBe(3);
      expect(run.stdout).toMatch(/5\u00a0000/u);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'site.target is the default of --target (a Jekyll file name without the flag); the flag still wins',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'plume-site-'));
      writeFileSync(join(root, 'plume.config.yaml'), 'site:\n  target: jekyll\n');
      const run = await runPlume(['optimize', EXAMPLE, '--format', 'md', '-o', 'out'], { cwd: root });
      expect(run.stderr).toBe('');
      // Jekyll's file name: YYYY-MM-DD-slug.md.
      expect(run.stdout).toMatch(/out\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md/u);
      const flagged = await runPlume(
        ['optimize', EXAMPLE, '--format', 'md', '-o', 'out2', '--target', 'plain'],
        {
          cwd: root,
        },
      );
      expect(flagged.stdout).not.toMatch(/out2\/\d{4}-\d{2}-\d{2}-/u);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'audit.disable and audit.thresholds reach the report of plume optimize, as they do plume audit',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'plume-site-'));
      writeFileSync(
        join(root, 'plume.config.yaml'),
        'audit:\n  disable: [passive-voice, transition-words, french-language]\n  thresholds:\n    sentenceLength:\n      maxWords: 12\n',
      );
      const run = await runPlume(['optimize', EXAMPLE, '--format', 'json', '-o', '-'], { cwd: root });
      const report = JSON.parse(run.stdout).report as {
        results: { id: string; params: Record<string, unknown> }[];
      };
      const ids = report.results.map((result) => result.id);
      expect(ids).not.toContain('passive-voice');
      expect(ids).not.toContain('transition-words');
      expect(ids).not.toContain('french-language');
      expect(report.results.find((result) => result.id === 'sentence-length')?.params.words).toBe(12);
      // The language constraint still holds: it does not depend on the assessments shown.
      expect(run.code).toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );
});
