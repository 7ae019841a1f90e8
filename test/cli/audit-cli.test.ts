import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));
const workDirectory = mkdtempSync(join(tmpdir(), 'plume-cli-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(workDirectory, name);
  writeFileSync(path, content);
  return path;
};
/** A folder holding no article: `plume audit folder/` audits the articles in a folder. */
const emptyFolder = () => {
  const path = join(workDirectory, 'vide');
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'notes.pdf'), 'pas un article');
  return path;
};

describe('plume audit', () => {
  it('prints a French report with traffic lights and exits 0', async () => {
    const run = await runPlume(['audit', EXAMPLE, '--keyphrase', 'talents en IA']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Score SEO');
    expect(run.stdout).toMatch(/Score de lisibilité \d+\/100/);
    expect(run.stdout).toContain('bon');
    expect(run.stdout).toContain('problème');
    expect(run.stdout).toContain('L’introduction contient l’expression-clé');
    expect(run.stdout).toContain('« Big Tech est prêt à payer jusqu’à un million pour les talents en IA »');
  });

  it('prints JSON with --json', async () => {
    const run = await runPlume(['audit', EXAMPLE, '--keyphrase', 'talents en IA', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.keyphrase).toBe('talents en IA');
    expect(report.scores.seo).toBeGreaterThan(0);
    expect(report.statistics.bodyWords).toBeGreaterThan(1000);
    expect(report.results.find((result: { id: string }) => result.id === 'french-language').rating).toBe(
      'good',
    );
  });

  it('reads the metadata from Markdown front matter', async () => {
    const file = write(
      'article.md',
      [
        '---',
        'title: "Talents en IA : la bataille des salaires"',
        'description: "Les géants de la tech paient cher les talents en IA. Pourquoi les petites entreprises peinent à recruter, et ce qui pourrait changer."',
        'slug: talents-ia-salaires',
        'keyphrase: talents en IA',
        '---',
        '',
        '# Talents en IA : la bataille des salaires',
        '',
        'La lutte pour recruter les meilleurs talents en IA s’intensifie. Les entreprises rivalisent.',
        '',
        '## Pourquoi les talents en IA coûtent cher',
        '',
        'Les grandes entreprises offrent au moins 100 000 dollars de plus.',
      ].join('\n'),
    );
    const run = await runPlume(['audit', file, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.keyphrase).toBe('talents en IA');
    expect(report.metadata.slug).toBe('talents-ia-salaires');
    const byId = Object.fromEntries(
      report.results.map((result: { id: string; score: number }) => [result.id, result.score]),
    );
    expect(byId['keyphrase-in-title']).toBe(9);
    expect(byId['keyphrase-in-slug']).toBe(9);
    expect(byId['meta-description-length']).toBe(9);
    expect(byId['single-h1']).toBe(8);
  });

  it('reads standard input with -', async () => {
    const run = await runPlume(['audit', '-', '--json'], {
      stdin: 'Un article très court sur les talents en IA. Il tient en deux phrases.',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).statistics.bodyWords).toBe(14);
  });

  it('audits an HTML page', async () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, index) =>
        `<p>Paragraphe ${index + 1} : les entreprises cherchent des talents en IA et proposent des salaires élevés aux meilleurs ingénieurs du secteur.</p>`,
    ).join('\n');
    const file = write(
      'page.html',
      `<!doctype html><html lang="fr"><head><title>Talents en IA</title></head><body><nav><a href="/">Accueil</a></nav><article><h1>Talents en IA</h1>${paragraphs}</article><footer>Mentions légales</footer></body></html>`,
    );
    const run = await runPlume(['audit', file, '--json', '-k', 'talents en IA']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.text).not.toContain('Mentions légales');
    expect(report.metadata.title).toBe('Talents en IA');
  });

  const badInputs: { name: string; args: () => string[]; stdin?: string | Buffer; message: RegExp }[] = [
    {
      name: 'a missing file',
      args: () => ['audit', join(workDirectory, 'nope.txt')],
      message: /Fichier introuvable/i,
    },
    { name: 'an empty file', args: () => ['audit', write('empty.txt', '')], message: /est vide/i },
    { name: 'whitespace only', args: () => ['audit', write('blank.txt', ' \n\t\n  ')], message: /est vide/i },
    {
      name: 'a binary file',
      args: () => ['audit', write('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]))],
      message: /binaire/i,
    },
    {
      name: 'broken UTF-8',
      args: () => [
        'audit',
        write('broken.txt', Buffer.from([0x43, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0x74, 0x72, 0xe8, 0x73])),
      ],
      message: /UTF-8/i,
    },
    {
      name: 'a 20 MB file',
      args: () => ['audit', write('huge.txt', Buffer.alloc(20 * 1024 * 1024, 'a'))],
      message: /5 Mo/,
    },
    {
      name: 'a folder without articles',
      args: () => ['audit', emptyFolder()],
      message: /aucun fichier \.txt, \.md ou \.html/i,
    },
    { name: 'an unknown flag', args: () => ['audit', EXAMPLE, '--frobnicate'], message: /option inconnue/i },
    { name: 'an unknown command', args: () => ['frobnicate'], message: /commande inconnue/i },
    {
      name: 'a bad --min-words',
      args: () => ['audit', EXAMPLE, '--min-words', 'beaucoup'],
      message: /un nombre entier positif est attendu/i,
    },
    {
      name: 'a bad --format',
      args: () => ['audit', EXAMPLE, '--format', 'docx'],
      message: /format de sortie « docx » inconnu/i,
    },
    {
      name: 'empty standard input',
      args: () => ['audit', '-'],
      stdin: '',
      message: /l’entrée standard est vide/i,
    },
  ];

  for (const bad of badInputs) {
    it(`refuses ${bad.name} with one clear line and exit code 2`, async () => {
      const run = await runPlume(bad.args(), { stdin: bad.stdin });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(bad.message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    });
  }

  it('accepts a single 100,000-character line', async () => {
    const line = 'Les talents en IA sont rares et très demandés. '.repeat(2100).slice(0, 100_000);
    const run = await runPlume(['audit', write('long-line.txt', line), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('treats HTML with scripts as text, never runs them', async () => {
    const file = write(
      'script.html',
      '<p>Un paragraphe sur les talents en IA.</p><script>console.log("pwned")</script><p onclick="alert(1)">Deux.</p>',
    );
    const run = await runPlume(['audit', file, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('pwned');
  });

  it('prints help and exits 0', async () => {
    const run = await runPlume(['audit', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--keyphrase');
  });
});
