import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('plume optimize --target and --format fragment', () => {
  const directory = mkdtempSync(join(tmpdir(), 'plume-site-files-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes a Jekyll post as YYYY-MM-DD-slug.md, without H1 nor « Sommaire »', async () => {
    const output = join(directory, 'jekyll');
    const run = await runPlume([
      'optimize',
      EXAMPLE,
      '--target',
      'jekyll',
      '--date',
      '2024-03-25',
      '--format',
      'md',
      '-o',
      output,
    ]);
    expect(run.code).toBe(0);
    const [name] = readdirSync(output);
    expect(name).toMatch(/^2024-03-25-[a-z0-9-]+\.md$/);
    const markdown = readFileSync(join(output, name ?? ''), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: /);
    expect(markdown).not.toMatch(/^# /m);
    expect(markdown).not.toContain('Sommaire');
  }, 60_000);

  it('prints the body as an HTML fragment', async () => {
    const run = await runPlume(['optimize', EXAMPLE, '--format', 'fragment', '-o', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<p>/);
    expect(run.stdout).toContain('<h2 id="');
    expect(run.stdout).not.toMatch(/<h1|<head|<html/);
  }, 60_000);

  it('refuses an unknown generator (exit 2)', async () => {
    const run = await runPlume(['optimize', EXAMPLE, '-o', '-', '--target', 'gatsby']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plume: --target « gatsby » inconnu/);
  }, 60_000);
});
