import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFiles } from '../../src/cli/write-output-files.js';
import { OutputError, quotePath, toOutputError } from '../../src/io/output-error.js';
import { resolveInside, writeFileAtomic } from '../../src/io/write-file-atomic.js';

const root = mkdtempSync(join(tmpdir(), 'plume-io-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveInside', () => {
  it.each(['talents-ia.md', 'talents-ia.report.json', 'a--b.html', '.plume-batch.json'])(
    'keeps %j in the folder',
    (name) => {
      expect(resolveInside('/out', name)).toBe(`${sep}out${sep}${name}`);
    },
  );

  it.each([
    '../victim.md',
    '../../victim.md',
    '/etc/passwd',
    'sub/x.md',
    'sub\\x.md',
    '.',
    '..',
    '',
    'a\u0000.md',
    'x/../../victim.md',
  ])('refuses %j with an OutputError in French', (name) => {
    let thrown: unknown;
    try {
      resolveInside('/out', name);
    } catch (error) {
      thrown = error;
    }
    expect(OutputError.isInstance(thrown)).toBe(true);
    expect((thrown as OutputError).code).toBe('outside');
    expect((thrown as Error).message).toMatch(
      /^nom de fichier de sortie refusé : « .* » sortirait du dossier/,
    );
    expect((thrown as Error).message).not.toMatch(/\n/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file', async () => {
    const directory = mkdtempSync(join(root, 'write-'));
    const path = join(directory, 'a.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(directory)).toEqual(['a.json']);
  });

  it('fails with the file-system error and leaves no temporary file', async () => {
    const directory = mkdtempSync(join(root, 'fail-'));
    writeFileSync(join(directory, 'file'), '');
    await expect(writeFileAtomic(join(directory, 'file', 'under'), 'x')).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    await expect(writeFileAtomic(join(directory, 'x'.repeat(300)), 'x')).rejects.toMatchObject({
      code: 'ENAMETOOLONG',
    });
    expect(readdirSync(directory)).toEqual(['file']);
  });
});

describe('toOutputError', () => {
  it.each([
    ['ENOSPC', 'le disque est plein'],
    ['EROFS', 'le système de fichiers est en lecture seule'],
    ['EACCES', 'permission refusée'],
    ['ENAMETOOLONG', 'le nom de fichier est trop long'],
    ['ENOTDIR', 'un élément du chemin n’est pas un dossier'],
    ['EPIPE', 'la sortie a été fermée'],
  ])('%s: one French line naming the path', (code, reason) => {
    const error = toOutputError(Object.assign(new Error('raw'), { code }), '/out/a.md');
    expect(error?.message).toBe(`impossible d’écrire /out/a.md : ${reason} (${code}).`);
    expect(error?.code).toBe(code);
  });

  it('leaves anything else to be a bug', () => {
    expect(toOutputError(new TypeError('x'), '/out/a.md')).toBeUndefined();
    expect(toOutputError(Object.assign(new Error('x'), { code: 'ERR_SOMETHING' }), '/a')).toBeUndefined();
  });

  it('quotes at most 80 characters of a path, control characters shown as ?', () => {
    expect(quotePath(`/out/${'x'.repeat(5000)}`).length).toBeLessThanOrEqual(80);
    expect(quotePath('a\nb\u001b')).toBe('a?b?');
  });
});

describe('writeOutputFiles', () => {
  it('refuses a name outside the folder before writing anything, --force included', async () => {
    const base = mkdtempSync(join(root, 'outputs-'));
    const directory = join(base, 'out');
    writeFileSync(join(base, 'victim.md'), 'foreign');
    await expect(
      writeOutputFiles(
        directory,
        [
          { name: 'ok.md', content: 'x' },
          { name: '../victim.md', content: 'overwritten' },
        ],
        { force: true },
      ),
    ).rejects.toMatchObject({ name: 'OutputError', code: 'outside' });
    expect(readFileSync(join(base, 'victim.md'), 'utf8')).toBe('foreign');
    expect(readdirSync(base)).toEqual(['victim.md']);
  });
});
