import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs, globToRegExp } from '../../src/batch/collect-inputs.js';

const root = mkdtempSync(join(tmpdir(), 'plume-collect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(() => {
  const files = [
    'articles/a.txt',
    'articles/b.md',
    'articles/c.HTML',
    'articles/notes.pdf',
    'articles/deep/d.markdown',
    'articles/deep/e.htm',
    'articles/.hidden/f.txt',
    'articles/node_modules/g.md',
    'articles/out/h.md',
    'other/i.txt',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'texte');
  }
});

const relative = (paths: string[]) => paths.map((path) => path.slice(root.length + 1));

describe('collectInputs', () => {
  it('walks a folder for articles, skipping hidden folders, node_modules and the output folder', async () => {
    const collected = await collectInputs(['articles'], { cwd: root, exclude: ['articles/out'] });
    expect(relative(collected.files)).toEqual([
      'articles/a.txt',
      'articles/b.md',
      'articles/c.HTML',
      'articles/deep/d.markdown',
      'articles/deep/e.htm',
    ]);
    expect(collected.ignored).toBe(1);
    expect(collected.missing).toEqual([]);
  });

  it('takes files and glob patterns, each file once, and reports what matched nothing', async () => {
    const collected = await collectInputs(
      [
        'articles/**/*.{md,markdown}',
        'articles/a.txt',
        'articles/*.txt',
        'other/i.txt',
        'nowhere.txt',
        'none/*.md',
      ],
      { cwd: root, exclude: ['articles/out'] },
    );
    expect(relative(collected.files)).toEqual([
      'articles/a.txt',
      'articles/b.md',
      'articles/deep/d.markdown',
      'other/i.txt',
    ]);
    expect(relative(collected.missing)).toEqual(['nowhere.txt', 'none/*.md']);
  });

  it('turns globs into anchored regular expressions', () => {
    const cases: [string, string, boolean][] = [
      ['*.md', 'a.md', true],
      ['*.md', 'deep/a.md', false],
      ['**/*.md', 'a.md', true],
      ['**/*.md', 'deep/er/a.md', true],
      ['a?.txt', 'ab.txt', true],
      ['[ab].txt', 'c.txt', false],
      ['[!ab].txt', 'c.txt', true],
      ['*.{md,txt}', 'x.txt', true],
      ['a.txt', 'aXtxt', false],
    ];
    for (const [glob, path, expected] of cases)
      expect(globToRegExp(glob).test(path), `${glob} ${path}`).toBe(expected);
  });
});
