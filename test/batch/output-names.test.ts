import { describe, expect, it } from 'vitest';
import {
  assignBaseNames,
  candidateBaseNames,
  SlugGroup,
  slugifyFileName,
} from '../../src/batch/output-names.js';

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

/** A seeded generator (mulberry32): the same cases on every run, many shapes of collision. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

/** Input keys that collide on purpose: few folders, few file names, both extensions, names that slugify alike. */
function randomKeys(next: () => number, count: number): string[] {
  const folders = ['../in', '../in/x', '../in/y', 'a b', 'a-b', '../in/x/y'];
  const names = ['a', 'b', 'index', 'a b', 'a-b', 'x-y', 'Été', 'ete', '2'];
  const keys = new Set<string>();
  while (keys.size < count)
    keys.add(`${pick(next, folders)}/${pick(next, names)}${pick(next, ['.txt', '.md'])}`);
  return [...keys];
}

/** The previous naming: every arrival renames the whole group to `assignBaseNames` of its members so far. */
function quadraticNames(
  slug: string,
  arrivals: readonly string[],
): { names: Map<string, string>; renames: number } {
  let names = new Map<string, string>();
  let renames = 0;
  const members: string[] = [];
  for (const key of arrivals) {
    members.push(key);
    const next = assignBaseNames(slug, members);
    for (const [member, name] of next) if (names.has(member) && names.get(member) !== name) renames += 1;
    names = next;
  }
  return { names, renames };
}

describe('SlugGroup', () => {
  it('hands out distinct free names at once, and ends on the names of the quadratic reconcile', () => {
    const next = random(13);
    for (let round = 0; round < 200; round += 1) {
      const slug = pick(next, ['talents-ia', 'a', 'x-y', 'ete-2024']);
      const keys = randomKeys(next, 1 + Math.floor(next() * 30));
      const arrivals = [...keys].sort(() => next() - 0.5);
      const group = new SlugGroup(slug);
      for (const key of arrivals) {
        const base = group.place(key);
        expect(base === slug || base.startsWith(`${slug}--`)).toBe(true);
        expect(base).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/u);
        // Placing again keeps the name: a rerun of the same input overwrites its own files.
        expect(group.place(key)).toBe(base);
        const held = [...group.entries()].map(([, name]) => name);
        expect(new Set(held).size).toBe(held.length);
      }
      const old = quadraticNames(slug, arrivals);
      expect(Object.fromEntries(group.finalNames())).toEqual(Object.fromEntries(old.names));
      // At most one rename per article at the end, where the old way could rename at every arrival.
      const moved = [...group.entries()].filter(([key, base]) => group.finalNames().get(key) !== base);
      expect(moved.length).toBeLessThanOrEqual(keys.length);
      expect(moved.length).toBeLessThanOrEqual(Math.max(old.renames, keys.length));
    }
  });

  it('gives -2, -3… when every tag of an input is held, and frees the names of inputs that leave', () => {
    const group = new SlugGroup('s');
    const key = 'dir/a.txt';
    const hashed = candidateBaseNames('s', key).at(-1) as string;
    for (const [index, name] of candidateBaseNames('s', key).entries()) group.hold(`other-${index}`, name);
    expect(group.place(key)).toBe(`${hashed}-2`);
    group.hold('another', `${hashed}-3`);
    expect(group.place('dir/b/../a.txt')).not.toBe(`${hashed}-3`);
    group.release('other-0');
    expect(group.place('new.txt')).toBe('s');
    expect(group.size).toBe(candidateBaseNames('s', key).length + 3);
  });
});
