import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEnglishWords } from '../helpers/english-words.js';
import { runPlume } from '../helpers/run-plume.js';

const SPAWN_TIMEOUT_MS = 60_000;

describe('the English detector', () => {
  it.each([
    ['File not found: nope.txt', ['not', 'found']],
    [
      'refusing to overwrite out/a.md, which Plume did not write; use --force to replace it.',
      ['refusing', 'to', 'overwrite', 'which', 'did', 'not', 'write', 'use', 'it'],
    ],
    ['OPENAI_API_KEY is not set', ['is', 'not', 'set']],
    ['worker: ready', ['ready']],
  ])('finds English in « %s »', (text, words) => {
    expect(findEnglishWords(text)).toEqual(words);
  });

  it.each([
    'plume: Fichier introuvable : nope.txt',
    'plume: option inconnue : --bogus (voir plume --help)',
    '  -o, --output <dossier>  dossier de <slug>.md, ou - pour la sortie standard (par défaut : out)',
    'Utilisation : plume help [commande]',
    'OPENAI_API_KEY n’est pas définie : export OPENAI_API_KEY=…, ou llm.apiKey',
    'un fichier « the report.md » introuvable',
  ])('finds none in « %s »', (text) => {
    expect(findEnglishWords(text)).toEqual([]);
  });
});

/** A folder with a short French article, a file Plume did not write, and a broken configuration. */
function makeWorkspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'plume-french-'));
  writeFileSync(
    join(folder, 'article.md'),
    '# Un titre\n\nUn court article en français, pour voir les messages de Plume.\n',
  );
  mkdirSync(join(folder, 'out'));
  writeFileSync(join(folder, 'out', 'un-titre.md'), 'Mon propre fichier.\n');
  mkdirSync(join(folder, 'broken'));
  writeFileSync(join(folder, 'broken', 'plume.config.yaml'), 'site:\n  url: pas-une-adresse\n');
  return folder;
}

describe('every --help is French, with examples, variables and exit codes', () => {
  const helps: string[][] = [
    ['--help'],
    ['help', 'optimize'],
    ['optimize', '--help'],
    ['audit', '--help'],
    ['serve', '--help'],
    ['batch', '--help'],
    ['worker', '--help'],
  ];
  it.each(helps)(
    'plume %s %s',
    async (...args) => {
      const run = await runPlume(args);
      expect(run.code).toBe(0);
      expect(findEnglishWords(run.stdout)).toEqual([]);
      expect(run.stdout).toContain('Utilisation :');
      expect(run.stdout).toContain('Exemples :');
      expect(run.stdout).toContain('Codes de sortie :');
      expect(run.stdout).toMatch(/Variables d’environnement :\n {2}\S/u);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'plume --version and plume -v print package.json’s version, as the CLI itself does',
    async () => {
      const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
      // main.js answers these two alone; with another argument the CLI answers (commander).
      for (const args of [['--version'], ['-v'], ['--no-color', '--version']]) {
        const run = await runPlume(args);
        expect(run, args.join(' ')).toMatchObject({ code: 0, stdout: `${version}\n` });
      }
    },
    SPAWN_TIMEOUT_MS,
  );
});

describe('every error is one French line, with its exit code', () => {
  const folder = makeWorkspace();
  const cases: {
    name: string;
    args: string[];
    code: number;
    says: RegExp;
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    stdin?: string;
  }[] = [
    {
      name: 'missing file',
      args: ['optimize', 'nope.txt'],
      code: 2,
      says: /^plume: Fichier introuvable : nope\.txt\n$/u,
    },
    {
      name: 'missing file (audit)',
      args: ['audit', 'nope.txt'],
      code: 2,
      says: /Fichier introuvable : nope\.txt/u,
    },
    {
      name: 'a folder given as a file',
      args: ['optimize', 'out'],
      code: 2,
      says: /est un dossier, pas un fichier/u,
    },
    {
      name: 'unknown option',
      args: ['audit', 'article.md', '--bogus'],
      code: 2,
      says: /option inconnue : --bogus/u,
    },
    {
      name: 'missing argument',
      args: ['optimize'],
      code: 2,
      says: /argument obligatoire manquant : <fichier>/u,
    },
    {
      name: 'option without its value',
      args: ['optimize', 'article.md', '--keyphrase'],
      code: 2,
      says: /attend une valeur/u,
    },
    {
      name: 'unknown command',
      args: ['optimise'],
      code: 2,
      says: /commande inconnue : optimise \(vouliez-vous dire optimize \?\)/u,
    },
    {
      name: 'too many arguments',
      args: ['optimize', 'a.md', 'b.md'],
      code: 2,
      says: /trop d’arguments pour « optimize » : 1 attendu, 2 reçus/u,
    },
    {
      name: '--concurrency abc, offline writer',
      args: ['optimize', 'article.md', '--concurrency', 'abc'],
      code: 2,
      says: /--concurrency <n> : valeur « abc » refusée : un nombre entier positif est attendu/u,
    },
    {
      name: '--concurrency abc (batch)',
      args: ['batch', 'article.md', '--concurrency', 'abc'],
      code: 2,
      says: /valeur « abc » refusée/u,
    },
    {
      name: 'unknown output format',
      args: ['optimize', 'article.md', '--format', 'pdf'],
      code: 2,
      says: /format de sortie « pdf » inconnu/u,
    },
    {
      name: 'unknown locale',
      args: ['optimize', 'article.md', '--locale', 'en-US'],
      code: 2,
      says: /variété « en-US » inconnue/u,
    },
    {
      name: 'bad --fail-under',
      args: ['audit', 'article.md', '--fail-under', 'seo=high'],
      code: 2,
      says: /--fail-under <seuils> : valeur « seo=high » refusée/u,
    },
    {
      name: 'overwrite refusal',
      args: ['optimize', 'article.md', '--title', 'Un titre', '--slug', 'un-titre', '-o', 'out'],
      code: 2,
      says: /refus d’écraser .*un-titre\.md, que Plume n’a pas écrit : --force pour le remplacer/u,
    },
    {
      name: 'missing API key',
      args: ['optimize', 'article.md', '--provider', 'openai'],
      code: 2,
      says: /OPENAI_API_KEY n’est pas définie : le fournisseur openai demande une clé d’API/u,
      env: { OPENAI_API_KEY: '' },
    },
    {
      name: 'openai-compatible without an address',
      args: ['optimize', 'article.md', '--provider', 'openai-compatible', '--model', 'qwen'],
      code: 2,
      says: /--base-url http:\/\/localhost:11434\/v1 \(ou PLUME_BASE_URL/u,
    },
    {
      name: 'a bad value in the environment',
      args: ['optimize', 'article.md'],
      code: 2,
      says: /PLUME_PROVIDER : un fournisseur est attendu/u,
      env: { PLUME_PROVIDER: 'gpt' },
    },
    {
      name: 'a bad config field',
      args: ['audit', '../article.md'],
      code: 2,
      says: /plume\.config\.yaml : site\.url : une adresse http ou https est attendue/u,
      cwd: 'broken',
    },
    {
      name: 'unknown writer',
      args: ['optimize', 'article.md', '--writer', 'gpt'],
      code: 2,
      says: /rédacteur « gpt » inconnu/u,
    },
    {
      name: 'empty standard input',
      args: ['audit', '-'],
      code: 2,
      says: /l’entrée standard est vide/u,
      stdin: '',
    },
    {
      name: 'weak server token',
      args: ['serve', '--port', '0', '--token', 'court'],
      code: 2,
      says: /jeton trop court/u,
    },
    {
      name: 'public server without a token',
      args: ['serve', '--host', '0.0.0.0', '--port', '0'],
      code: 2,
      says: /refus d’écouter sur 0\.0\.0\.0 sans jeton/u,
      env: { PLUME_TOKEN: '' },
    },
    {
      name: 'bad port',
      args: ['serve', '--port', '99999'],
      code: 2,
      says: /un numéro de port de 0 à 65535 est attendu/u,
    },
    {
      name: 'nothing to batch',
      args: ['batch', 'out/*.txt', '-o', 'sortie'],
      code: 1,
      says: /^plume: \[1\/1\] out\/\*\.txt : erreur : Aucun fichier ne correspond à out\/\*\.txt$/mu,
    },
  ];
  it.each(cases)(
    '$name',
    async ({ args, code, says, cwd, env, stdin }) => {
      const run = await runPlume(args, {
        cwd: cwd ? join(folder, cwd) : folder,
        ...(env ? { env } : {}),
        ...(stdin === undefined ? {} : { stdin }),
      });
      expect(run.stderr).toMatch(says);
      expect(run.code).toBe(code);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(findEnglishWords(run.stderr)).toEqual([]);
    },
    SPAWN_TIMEOUT_MS,
  );
});
