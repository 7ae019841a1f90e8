import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

const SPAWN_TIMEOUT_MS = 60_000;
const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));

const root = mkdtempSync(join(tmpdir(), 'plume-site-pages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('plume optimize --site-pages: links to the site’s own pages (« maillage interne »)', () => {
  it(
    'links the article’s words to the pages the file lists, says so, and the audit counts them internal',
    async () => {
      writeFileSync(join(root, 'plume.config.yaml'), 'site:\n  url: https://www.exemple.fr/\n');
      writeFileSync(
        join(root, 'pages.tsv'),
        [
          '# Pages du site',
          'https://www.exemple.fr/ia-generative/\tL’IA générative expliquée aux recruteurs',
          'https://www.exemple.fr/salaires/\tLes salaires de la tech en 2024',
          'https://www.exemple.fr/talents-ia/\tTalents en IA : la grande bataille',
        ].join('\n'),
      );
      const run = await runPlume(['optimize', EXAMPLE, '--site-pages', 'pages.tsv', '-o', 'out'], {
        cwd: root,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Liens internes    1 ajouté vers les pages du site');
      expect(run.stdout).toContain('  - « IA générative » → https://www.exemple.fr/ia-generative/');
      const markdown = readFileSync(join(root, 'out', 'talents-ia.md'), 'utf8');
      expect(markdown).toContain('[IA générative](https://www.exemple.fr/ia-generative/)');
      // « talents en IA » is the article's own keyphrase: never an anchor, whatever page it names.
      expect(markdown).not.toContain('](https://www.exemple.fr/talents-ia/)');
      const report = JSON.parse(readFileSync(join(root, 'out', 'talents-ia.report.json'), 'utf8'));
      expect(report.report.internalLinks).toEqual([
        {
          url: 'https://www.exemple.fr/ia-generative/',
          title: 'L’IA générative expliquée aux recruteurs',
          anchor: 'IA générative',
        },
      ]);
      const audit = await runPlume(['audit', join('out', 'talents-ia.md')], { cwd: root });
      expect(audit.stdout).toContain('1 lien interne');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'a bad file of pages is a setup error (exit 2) naming the file and the line',
    async () => {
      writeFileSync(join(root, 'bad.txt'), '/a/\tUne page\nUne ligne sans adresse\n');
      const run = await runPlume(['optimize', EXAMPLE, '--site-pages', 'bad.txt', '-o', 'out-bad'], {
        cwd: root,
      });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        'bad.txt : ligne 2 : une adresse http(s) ou un chemin commençant par / est attendu en tête de ligne',
      );
    },
    SPAWN_TIMEOUT_MS,
  );
});
