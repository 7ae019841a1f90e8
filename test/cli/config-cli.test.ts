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
});
