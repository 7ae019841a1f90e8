import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlumeCli } from './helpers/plume-batch-bin.js';

// Spawns the built CLI four times (~1-2 s each on two cores).

const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'plume-batch-site-pages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TITLE = 'L’IA générative expliquée aux recruteurs';
const batch = (...flags: string[]) =>
  runPlumeCli(['batch', 'articles', '-o', 'out', '--date', '2024-03-25', '--threads', '1', ...flags], {
    cwd: root,
  });
const markdown = () => readFileSync(join(root, 'out', 'talents-ia.md'), 'utf8');

describe('plume batch --site-pages: every article links to the site’s pages', () => {
  it('never links an article to itself, reruns when the pages change, skips when they do not', async () => {
    mkdirSync(join(root, 'articles'));
    copyFileSync(EXAMPLE, join(root, 'articles', 'talents-ia.txt'));
    // The sitemap of a site lists the article itself: its slug is the last segment of the address.
    writeFileSync(join(root, 'pages.tsv'), `https://www.exemple.fr/blog/talents-ia/\t${TITLE}\n`);
    const own = await batch('--site-pages', 'pages.tsv');
    expect(own.code).toBe(0);
    expect(markdown()).not.toContain('](https://www.exemple.fr/');

    writeFileSync(join(root, 'pages.tsv'), `https://www.exemple.fr/ia-generative/\t${TITLE}\n`);
    const linked = await batch('--site-pages', 'pages.tsv');
    expect(linked.code).toBe(0);
    expect(linked.stdout).toContain('1 écrit, 0 déjà à jour');
    expect(markdown()).toContain('[IA générative](https://www.exemple.fr/ia-generative/)');

    const again = await batch('--site-pages', 'pages.tsv');
    expect(again.stdout).toContain('0 écrit, 1 déjà à jour');

    // The configuration's `site.pages`, relative to the configuration file, is the same list.
    writeFileSync(join(root, 'plume.config.yaml'), 'site:\n  pages: pages.tsv\n');
    const configured = await batch();
    expect(configured.stdout).toContain('0 écrit, 1 déjà à jour');
  }, 120_000);

  it('says which file of pages is missing, in French, and with --queue refuses the pages', async () => {
    const missing = await batch('--site-pages', 'absent.tsv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.tsv : fichier des pages du site introuvable');
    const queued = await batch('--site-pages', 'pages.tsv', '--queue', 'redis://127.0.0.1:1');
    expect(queued.code).toBe(2);
    expect(queued.stderr).toContain('ne sont pas encore prises en charge avec --queue');
  }, 60_000);
});
