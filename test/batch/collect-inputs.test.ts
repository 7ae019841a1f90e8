import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/batch/collect-inputs.js';

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
    'other/[brouillon].md',
    'other/star*.md',
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

  it('removes what a !pattern matches, from folders, files and patterns alike', async () => {
    const collected = await collectInputs(['articles', 'other/i.txt', '!articles/deep/**', '!**/a.txt'], {
      cwd: root,
      exclude: ['articles/out'],
    });
    expect(relative(collected.files)).toEqual(['articles/b.md', 'articles/c.HTML', 'other/i.txt']);
  });

  it('reads braces, classes and escapes as tinyglobby does; a file whose name looks like a pattern is a file', async () => {
    const cases: [string[], string[]][] = [
      [['articles/*.{md,txt}'], ['articles/a.txt', 'articles/b.md']],
      [['articles/[ab].*'], ['articles/a.txt', 'articles/b.md']],
      [['other/\\[brouillon\\].md'], ['other/[brouillon].md']],
      [['other/[brouillon].md'], ['other/[brouillon].md']],
      [['other/star\\*.md'], ['other/star*.md']],
      [['articles/**/*.md'], ['articles/b.md']],
    ];
    for (const [inputs, expected] of cases) {
      const collected = await collectInputs(inputs, { cwd: root, exclude: ['articles/out'] });
      expect(relative(collected.files), inputs.join(' ')).toEqual(expected);
    }
  });
});
