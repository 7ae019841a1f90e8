import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { cloneTree } from '../../src/render/clone-tree.js';

describe('cloneTree', () => {
  it('copies a tree as structuredClone does, sharing nothing with it', async () => {
    const root = join(import.meta.dirname, '../..');
    const document = await ingest(readFileSync(join(root, 'examples/talents-ia.txt'), 'utf8'), {
      format: 'text',
    });
    const copy = cloneTree(document.tree);
    expect(isDeepStrictEqual(copy, structuredClone(document.tree))).toBe(true);
    expect(copy).not.toBe(document.tree);
    expect(copy.children[0]).not.toBe(document.tree.children[0]);
    expect(copy.children[0]?.position).not.toBe(document.tree.children[0]?.position);
  });

  it('copies plain values, null prototypes and other objects as structuredClone does', () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    const value = {
      type: 'root',
      data: { when: new Date(0), tags: new Map([['a', 1]]), bare, nothing: null, missing: undefined },
      children: [{ type: 'text', value: 'é' }, [1, 'deux', true]],
    };
    const copy = cloneTree(value);
    expect(isDeepStrictEqual(copy, structuredClone(value))).toBe(true);
    expect(copy.data.when).not.toBe(value.data.when);
    expect(copy.data.tags).not.toBe(value.data.tags);
    expect(Object.getPrototypeOf(copy.data.bare)).toBe(Object.prototype);
    expect('missing' in copy.data).toBe(true);
  });
});
