import { describe, expect, it } from 'vitest';
import { CounterTable } from '../../src/plan/counter-table.js';

describe('CounterTable', () => {
  it('reads 0 for a key never set, and the last value set otherwise', () => {
    const table = new CounterTable();
    expect(table.get(42)).toBe(0);
    table.set(42, 3);
    table.set(42, 5);
    expect(table.get(42)).toBe(5);
    expect(table.size).toBe(1);
  });

  it('keeps every key as it grows, keys past 2^32 included, as a Map does', () => {
    const table = new CounterTable(2);
    const map = new Map<number, number>();
    for (let index = 0; index < 5000; index += 1) {
      // Products of ids, as the extraction builds them, and large ones that share their low 32 bits.
      const key = index % 2 === 0 ? index * 977 + (index % 13) : 2 ** 40 + index * 2 ** 32;
      table.set(key, index + 1);
      map.set(key, index + 1);
    }
    expect(table.size).toBe(map.size);
    for (const [key, value] of map) expect(table.get(key)).toBe(value);
    expect(table.get(2 ** 41)).toBe(0);
  });
});
