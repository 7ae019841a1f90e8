import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));

describe('plume optimize --image', () => {
  it('puts the image in og:image and the large Twitter card, and the summary does not call it missing', async () => {
    const run = await runPlume([
      'optimize',
      EXAMPLE,
      '--format',
      'html',
      '-o',
      '-',
      '--image',
      '/img/talents.jpg',
      '--image-alt',
      'Des ingénieurs devant un écran',
      '--url',
      'https://exemple.fr/talents-ia',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<meta property="og:image" content="https://exemple.fr/img/talents.jpg">');
    expect(run.stdout).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(run.stdout).toContain('"caption":"Des ingénieurs devant un écran"');
    expect(run.stderr).not.toContain('Pas d’image à la une');
  }, 60_000);

  it('says in the summary when there is no image', async () => {
    const run = await runPlume(['optimize', EXAMPLE, '--format', 'md', '-o', '-']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Pas d’image à la une');
  }, 60_000);

  it('refuses an image address that runs code (exit 2)', async () => {
    const run = await runPlume(['optimize', EXAMPLE, '-o', '-', '--image', 'javascript:alert(1)']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plume: --image « javascript:alert\(1\) » invalide/);
  }, 60_000);
});
