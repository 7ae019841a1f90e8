import { describe, expect, it } from 'vitest';
import { LazyList } from '../../src/plan/lazy-list.js';

describe('LazyList', () => {
  it('reads the source only as far as it is asked', () => {
    const read: number[] = [];
    function* source() {
      for (const value of [10, 20, 30, 40]) {
        read.push(value);
        yield value;
      }
    }
    const list = new LazyList(source());
    expect(list.at(1)).toBe(20);
    expect(read).toEqual([10, 20]);
    expect(list.has(2)).toBe(true);
    expect(list.slice(0, 2)).toEqual([10, 20]);
    expect(read).toEqual([10, 20, 30]);
    expect(list.has(4)).toBe(false);
    expect(list.at(9)).toBeUndefined();
    expect(list.all()).toEqual([10, 20, 30, 40]);
  });

  it('slices like an array past its end', () => {
    const list = new LazyList(['a', 'b']);
    expect(list.slice(1, 5)).toEqual(['b']);
    expect(list.slice(3, 5)).toEqual([]);
  });
});
