import { describe, expect, it } from 'vitest';
import { assignBaseNames, candidateBaseNames, slugifyFileName } from '../../src/batch/output-names.js';

describe('assignBaseNames', () => {
  const cases: { keys: string[]; expected: Record<string, string> }[] = [
    { keys: ['../in/a.txt'], expected: { '../in/a.txt': 'slug' } },
    {
      keys: ['../in/a.txt', '../in/b.md'],
      expected: { '../in/a.txt': 'slug--a', '../in/b.md': 'slug--b' },
    },
    {
      // Same file name in two folders: the path tells them apart.
      keys: ['../in/x/a.txt', '../in/y/a.txt', '../in/b.txt'],
      expected: {
        '../in/x/a.txt': 'slug--in-x-a',
        '../in/y/a.txt': 'slug--in-y-a',
        '../in/b.txt': 'slug--b',
      },
    },
    {
      // Same path but the extension: the extension tells them apart.
      keys: ['../in/a.txt', '../in/a.md'],
      expected: { '../in/a.txt': 'slug--in-a-txt', '../in/a.md': 'slug--in-a-md' },
    },
    {
      // Paths that slugify alike: a hash of the exact path.
      keys: ['a b.txt', 'a-b.txt'],
      expected: { 'a b.txt': 'slug--a-b-txt-cd6c4a05', 'a-b.txt': 'slug--a-b-txt-427978a4' },
    },
    {
      // A path tag that equals another input's file-name tag is not reused.
      keys: ['x-y.txt', 'x/y.txt', 'z/y.txt'],
      expected: { 'x-y.txt': 'slug--x-y', 'x/y.txt': 'slug--x-y-txt', 'z/y.txt': 'slug--z-y' },
    },
  ];
  for (const { keys, expected } of cases) {
    it(`names ${keys.join(', ')}`, () => {
      const names = assignBaseNames('slug', keys);
      expect(Object.fromEntries(names)).toEqual(expected);
      // The order the inputs come in does not matter.
      expect(Object.fromEntries(assignBaseNames('slug', [...keys].reverse()))).toEqual(expected);
      expect(new Set(names.values()).size).toBe(keys.length);
      for (const [key, name] of names) expect(candidateBaseNames('slug', key)).toContain(name);
    });
  }

  it('slugifies file names to ASCII words', () => {
    expect(slugifyFileName('Été 2024/Brève n°1.md')).toBe('ete-2024-breve-n-1-md');
    expect(slugifyFileName('***')).toBe('article');
  });
});
