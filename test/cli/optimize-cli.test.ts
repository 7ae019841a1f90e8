import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PLUME_BIN, type PlumeRun, runPlume } from '../helpers/run-plume.js';

// Every test spawns the built binary (~0.5 s each on two cores): keep the spawn count low (19 today).

const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));
const SHORT_ARTICLE = fileURLToPath(new URL('../golden/short-article/input.txt', import.meta.url));
const ENGLISH_ARTICLE = fileURLToPath(new URL('../golden/english-article/input.txt', import.meta.url));

const workDirectory = mkdtempSync(join(tmpdir(), 'plume-optimize-cli-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

let directories = 0;
/** A path for a directory that does not exist yet: Plume creates it. */
const newDirectoryPath = () => join(workDirectory, `out-${++directories}`);
/** An existing empty directory, to run Plume in when nothing should be written. */
const emptyDirectory = () => mkdtempSync(join(workDirectory, 'cwd-'));
const temporaryFiles = (directory: string) => readdirSync(directory).filter((file) => file.endsWith('.tmp'));

/** Usage and input errors: exit 2, nothing on stdout, one line on stderr, no stack trace. */
function expectUsageError(run: PlumeRun): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^plume: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
}

function frontMatterValue(markdown: string, key: string): string | undefined {
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
  return new RegExp(`^${key}: "?(.*?)"?$`, 'm').exec(frontMatter)?.[1];
}

describe('plume optimize: output files', () => {
  it('writes <slug>.md, <slug>.html and <slug>.report.json and prints a French summary', async () => {
    const directory = newDirectoryPath();
    const run = await runPlume(['optimize', EXAMPLE, '-o', directory]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const files = readdirSync(directory).sort();
    expect(files).toHaveLength(3);
    const slug = files.find((file) => file.endsWith('.md'))?.replace(/\.md$/, '') ?? '';
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(files).toEqual([`${slug}.html`, `${slug}.md`, `${slug}.report.json`]);

    const markdown = readFileSync(join(directory, `${slug}.md`), 'utf8');
    expect(frontMatterValue(markdown, 'slug')).toBe(slug);
    expect(frontMatterValue(markdown, 'generator')).toBe('Plume');
    expect(readFileSync(join(directory, `${slug}.html`), 'utf8')).toMatch(
      /^<!DOCTYPE html>[\s\S]*<\/html>\n$/,
    );
    const json = JSON.parse(readFileSync(join(directory, `${slug}.report.json`), 'utf8'));
    expect(json.metadata.slug).toBe(slug);
    expect(json.report.passed).toBe(true);

    expect(run.stdout).toContain('Titre SEO');
    expect(run.stdout).toMatch(/Score SEO \d+\/100/);
    const h2 = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(h2.length).toBeGreaterThanOrEqual(4);
    expect(run.stdout).toContain(
      `Intertitres H2    ${h2.length}\n${h2.map((text) => `  - ${text}`).join('\n')}\n`,
    );
    expect(run.stdout).toContain(`${slug}.md`);
    expect(temporaryFiles(directory)).toEqual([]);
  });

  it('replaces the files it wrote itself when run again into the same directory', async () => {
    const directory = newDirectoryPath();
    const first = await runPlume(['optimize', EXAMPLE, '-o', directory]);
    expect(first.code).toBe(0);
    const inodes = Object.fromEntries(
      readdirSync(directory).map((file) => [file, statSync(join(directory, file)).ino]),
    );

    const second = await runPlume(['optimize', EXAMPLE, '-o', directory]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(readdirSync(directory).sort()).toEqual(Object.keys(inodes).sort());
    // Written to a temporary file then renamed: a replaced file is a new inode.
    for (const [file, inode] of Object.entries(inodes))
      expect(statSync(join(directory, file)).ino).not.toBe(inode);
    expect(temporaryFiles(directory)).toEqual([]);
  });

  it('refuses to replace a file it did not write, unless --force', async () => {
    const directory = emptyDirectory();
    const mine = join(directory, 'mon-article.md');
    writeFileSync(mine, '# Mon brouillon\n\nÀ ne pas perdre.\n');

    const refused = await runPlume(['optimize', EXAMPLE, '--slug', 'mon-article', '-o', directory]);
    expectUsageError(refused);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(mine, 'utf8')).toBe('# Mon brouillon\n\nÀ ne pas perdre.\n');
    // Refused before writing anything.
    expect(readdirSync(directory)).toEqual(['mon-article.md']);

    const forced = await runPlume(['optimize', EXAMPLE, '--slug', 'mon-article', '-o', directory, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(frontMatterValue(readFileSync(mine, 'utf8'), 'generator')).toBe('Plume');
    expect(readdirSync(directory).sort()).toEqual([
      'mon-article.html',
      'mon-article.md',
      'mon-article.report.json',
    ]);
  });

  it('refuses an -o that is an existing regular file', async () => {
    const file = join(emptyDirectory(), 'notes.txt');
    writeFileSync(file, 'mes notes\n');
    expectUsageError(await runPlume(['optimize', EXAMPLE, '-o', file]));
    expect(readFileSync(file, 'utf8')).toBe('mes notes\n');
  });

  it('writes only the Markdown with --format md, without table of contents with --no-toc, with the --keyphrase and a leap-day --date', async () => {
    const directory = newDirectoryPath();
    const run = await runPlume([
      'optimize',
      EXAMPLE,
      '--format',
      'md',
      '--no-toc',
      '--keyphrase',
      'recrutement en IA',
      '--date',
      '2024-02-29',
      '-o',
      directory,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(directory);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.md$/);
    const markdown = readFileSync(join(directory, files[0] ?? ''), 'utf8');
    expect(frontMatterValue(markdown, 'keyphrase')).toBe('recrutement en IA');
    expect(frontMatterValue(markdown, 'date')).toBe('2024-02-29');
    // The example has four H2: without --no-toc it gets a « Sommaire ».
    expect(markdown.match(/^## /gm)?.length).toBeGreaterThanOrEqual(4);
    expect(markdown).not.toContain('Sommaire');
  });
});

describe('plume optimize: standard output', () => {
  it('prints a full HTML document with --format html -o -, the summary on stderr', async () => {
    const cwd = emptyDirectory();
    const run = await runPlume(
      ['optimize', EXAMPLE, '--format', 'html', '-o', '-', '--url', 'https://example.org/a'],
      { cwd },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="fr-FR">[\s\S]*<\/html>\n$/);
    expect(run.stdout).toContain('<link rel="canonical" href="https://example.org/a">');
    expect(run.stdout).not.toContain('Titre SEO');
    expect(run.stderr).toContain('Titre SEO');
    expect(run.stderr).toMatch(/Score SEO \d+\/100/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('prints parseable JSON with --format json -o -', async () => {
    const cwd = emptyDirectory();
    const run = await runPlume(['optimize', EXAMPLE, '--format', 'json', '-o', '-'], { cwd });
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.generator).toBe('Plume');
    expect(output.metadata.slug).toMatch(/^[a-z0-9-]+$/);
    expect(output.report.passed).toBe(true);
    expect(output.markdown).toMatch(/^---\n/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('plume optimize: failed constraints', () => {
  it('exits 3 on the short article, still writes it, and names the failed constraint', async () => {
    const directory = newDirectoryPath();
    const run = await runPlume(['optimize', SHORT_ARTICLE, '-o', directory]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Contraintes : au moins une non respectée');
    expect(run.stdout).toMatch(/échec\s+Longueur\s+379 mots, il en faut au moins 700.*fournisseur LLM/);
    expect(readdirSync(directory).filter((file) => file.endsWith('.md'))).toHaveLength(1);
    expect(temporaryFiles(directory)).toEqual([]);
  });

  it('reads a Windows-1252 file instead of refusing it, and says so', async () => {
    const directory = emptyDirectory();
    const path = join(directory, 'latin1.txt');
    const text = readFileSync(SHORT_ARTICLE, 'utf8').replace(/[’]/g, "'");
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const run = await runPlume(['optimize', path, '-o', directory], { cwd: directory });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('n’est pas en UTF-8 : il a été lu comme Windows-1252 (Latin-1)');
    const markdown = readdirSync(directory).find((file) => file.endsWith('.md')) as string;
    expect(readFileSync(join(directory, markdown), 'utf8')).toContain('vélos');
  });

  it('exits 3 on the English article: the offline writer does not translate', async () => {
    const run = await runPlume(['optimize', ENGLISH_ARTICLE, '-o', '-'], { cwd: emptyDirectory() });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^---\n/);
    expect(run.stderr).toMatch(/échec\s+Langue\s+Le texte est en anglais.*traduit/);
    // What was written: the English text, structured, neither translated nor typeset in French, a draft.
    expect(run.stderr).toMatch(/Langue\s+texte laissé en anglais, sans typographie française/);
    expect(run.stderr).toContain('brouillon (draft: true');
    expect(run.stdout).toContain('draft: true');
    expect(run.stdout).not.toContain('lang: fr-FR');
  });
});

describe('plume optimize: bad input', () => {
  const cases: { name: string; args: (directory: string) => string[] }[] = [
    {
      name: 'missing file',
      args: (directory) => ['optimize', join(directory, 'absent.txt'), '-o', directory],
    },
    {
      name: 'empty file',
      args: (directory) => {
        const file = join(directory, 'vide.txt');
        writeFileSync(file, '');
        return ['optimize', file, '-o', join(directory, 'out')];
      },
    },
    {
      name: 'unknown --format',
      args: (directory) => ['optimize', EXAMPLE, '--format', 'pdf', '-o', directory],
    },
    { name: 'bad --date', args: (directory) => ['optimize', EXAMPLE, '--date', 'hier', '-o', directory] },
    // The right shape is not enough: the date must be a real day.
    {
      name: 'impossible --date 2024-13-45',
      args: (directory) => ['optimize', EXAMPLE, '--date', '2024-13-45', '-o', directory],
    },
    {
      name: 'impossible --date 2023-02-29 (not a leap year)',
      args: (directory) => ['optimize', EXAMPLE, '--date', '2023-02-29', '-o', directory],
    },
    {
      name: 'bad --url',
      args: (directory) => ['optimize', EXAMPLE, '--url', 'example.org/a', '-o', directory],
    },
    { name: 'unknown option', args: (directory) => ['optimize', EXAMPLE, '--bogus', '-o', directory] },
    // Issue 9, security 1: a slug names files, so only a real slug is taken, from the flag or the front matter.
    ...['../x', 'sub/x', 'a\nb', 'a\u0007b', '.cache', 'Talents IA', 'x'.repeat(76)].map((slug) => ({
      name: `--slug ${JSON.stringify(slug)}`,
      args: (directory: string) => ['optimize', EXAMPLE, '--slug', slug, '-o', join(directory, 'a', 'b')],
    })),
    {
      name: 'front matter slug: ../../victim, even with --force',
      args: (directory: string) => {
        const file = join(directory, 'source-victim.md');
        writeFileSync(file, `---\nslug: ../../victim\n---\n\n${readFileSync(EXAMPLE, 'utf8')}`);
        return ['optimize', file, '--force', '-o', join(directory, 'a', 'b')];
      },
    },
    // Issue 9, security 3: the address and the date must be real.
    {
      name: '--url javascript:alert(1)',
      args: (directory) => ['optimize', EXAMPLE, '--url', 'javascript:alert(1)', '-o', directory],
    },
    {
      name: 'impossible --date 2024-99-99',
      args: (directory) => ['optimize', EXAMPLE, '--date', '2024-99-99', '-o', directory],
    },
    {
      name: 'impossible time --date 2024-02-03T99:99:99Z',
      args: (directory) => ['optimize', EXAMPLE, '--date', '2024-02-03T99:99:99Z', '-o', directory],
    },
    // Issue 9, bounded work 7: output-side errors are the user's to fix, not Plume bugs.
    {
      name: '-o under a regular file (ENOTDIR)',
      args: (directory) => {
        writeFileSync(join(directory, 'source-file'), '');
        return ['optimize', EXAMPLE, '-o', join(directory, 'source-file', 'out')];
      },
    },
    {
      name: '-o with a name too long (ENAMETOOLONG)',
      args: (directory) => ['optimize', EXAMPLE, '-o', join(directory, 'x'.repeat(300))],
    },
  ];

  it.each(cases)('$name: exit 2, one line on stderr, nothing written', async ({ args }) => {
    const directory = emptyDirectory();
    expectUsageError(await runPlume(args(directory)));
    expect(
      readdirSync(directory).filter((file) => file !== 'vide.txt' && !file.startsWith('source-')),
    ).toEqual([]);
  });

  it('names the refused slug and the reason in French', async () => {
    const run = await runPlume(['optimize', EXAMPLE, '--slug', '../x', '-o', emptyDirectory()]);
    expect(run.stderr).toBe(
      'plume: --slug « ../x » invalide : minuscules ASCII, chiffres et tirets simples, 75 caractères au plus.\n',
    );
  });

  it.skipIf(process.getuid?.() === 0)('-o in a folder it may not write to (EACCES): exit 2', async () => {
    const directory = emptyDirectory();
    chmodSync(directory, 0o555);
    const run = await runPlume(['optimize', EXAMPLE, '-o', join(directory, 'out')]);
    chmodSync(directory, 0o755);
    expectUsageError(run);
    expect(run.stderr).toMatch(/permission refusée \(EACCES\)/);
  });

  it.skipIf(!existsSync('/dev/full'))(
    '-o - > /dev/full: exit 2, one French line, no unhandled error event',
    async () => {
      const full = openSync('/dev/full', 'w');
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [PLUME_BIN, 'optimize', EXAMPLE, '-o', '-'], {
          cwd: emptyDirectory(),
          env: { ...process.env, NO_COLOR: '1' },
          stdio: ['ignore', full, 'pipe'],
        });
        let stderr = '';
        child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      closeSync(full);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'plume: impossible d’écrire la sortie standard : le disque est plein (ENOSPC).\n',
      );
    },
  );
});

describe('plume optimize: metadata from the source that cannot be published', () => {
  it('drops a front matter or page URL and date, with a warning in the report, never in the outputs', async () => {
    const directory = emptyDirectory();
    const markdown = join(directory, 'article.md');
    writeFileSync(
      markdown,
      `---\nurl: "javascript:alert(1)"\ndate: 2024-99-99\n---\n\n${readFileSync(EXAMPLE, 'utf8')}`,
    );
    const page = join(directory, 'page.html');
    const paragraphs = readFileSync(EXAMPLE, 'utf8')
      .split(/\n\s*\n/)
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('\n');
    writeFileSync(
      page,
      `<!DOCTYPE html><html lang="fr"><head><title>Talents en IA</title>
<link rel="canonical" href="javascript:alert(1)">
<meta property="article:published_time" content="2024-02-03T99:99:99Z">
</head><body><article><h1>Talents en IA</h1>${paragraphs}</article></body></html>`,
    );
    for (const [source, origin] of [
      [markdown, 'du front matter'],
      [page, 'de la source'],
    ] as const) {
      const output = newDirectoryPath();
      const run = await runPlume(['optimize', source, '-o', output], { cwd: directory });
      expect(run.code).not.toBe(1);
      expect(run.stdout).toContain(`URL canonique ${origin} ignorée : « javascript:alert(1) »`);
      const files = readdirSync(output);
      const report = JSON.parse(
        readFileSync(join(output, files.find((name) => name.endsWith('.report.json')) ?? ''), 'utf8'),
      );
      expect(report.report.warnings).toEqual([
        `URL canonique ${origin} ignorée : « javascript:alert(1) » n’est pas une adresse http(s).`,
        expect.stringMatching(new RegExp(`^Date ${origin} ignorée : « 2024-`)),
        expect.stringMatching(/^Pas d’image à la une/),
      ]);
      for (const name of files) {
        const content = readFileSync(join(output, name), 'utf8').replace(/"warnings": \[[^\]]*\]/, '');
        expect(content).not.toMatch(/javascript:|2024-99-99|T99:99/);
      }
    }
  });
});
