import { describe, expect, it } from 'vitest';
import * as formatModule from '../../../src/lang/fr/format-number.js';
import { formatFrenchNumber } from '../../../src/lang/fr/format-number.js';

describe('formatFrenchNumber', () => {
  it('exports its API', () => {
    expect(Object.keys(formatModule)).toEqual(['formatFrenchNumber']);
  });

  it.each([
    { value: 0, expected: '0' },
    { value: 999, expected: '999' },
    { value: 1000, expected: '1\u00a0000' },
    { value: 12_500, expected: '12\u00a0500' },
    { value: 4.5, expected: '4,5' },
    { value: -1_234_567.891, expected: '-1\u00a0234\u00a0567,891' },
  ])('$value -> $expected', ({ value, expected }) => {
    expect(formatFrenchNumber(value)).toBe(expected);
  });

  it('writes what toLocaleString writes, with a no-break space for the narrow one', () => {
    for (const value of [0, 7, 65.25, 1_000, 99_999.5, 1e9, -42, 0.125, 2.71]) {
      expect(formatFrenchNumber(value)).toBe(value.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0'));
    }
  });

  it('groups every safe integer as the French locale does (its own path, without ICU)', () => {
    const values = [-0, 1, 10, 100, 9_999, 10_000, 123_456, 1_000_000, -1_000, Number.MAX_SAFE_INTEGER];
    values.push(-Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 1e300);
    for (let value = 1; value < 1e15; value = value * 7 + 3) values.push(value, -value, value + 1);
    for (let value = 0; value <= 20_000; value += 1) values.push(value);
    for (const value of values) {
      expect(formatFrenchNumber(value)).toBe(value.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0'));
    }
  });

  it('writes decimals as the French locale does: shortest form, rounded half away from zero to three places', () => {
    const values = [1.0005, 2.0005, 0.0005, 1.2345, 1.23449999, -1.0005, 0.1 + 0.2, 99.9995, -0.0004, 1.5e-5];
    values.push(1e20, -1e20, 123456789012345680000, 9.999999999999999e20, 1e-6, 1.0000005e-6);
    values.push(
      123456.7895,
      999.9995,
      -999.9995,
      0.9995,
      1e-7,
      1e21,
      1.5e21,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    );
    values.push(
      Number.NEGATIVE_INFINITY,
      Number.MIN_VALUE,
      Number.MAX_VALUE,
      2 ** 53 + 0.5,
      4503599627370495.5,
    );
    let state = 12345;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let index = 0; index < 20_000; index += 1) {
      const magnitude = 10 ** Math.floor(random() * 16 - 6);
      values.push((random() - 0.3) * magnitude);
      values.push(Math.round(random() * 100_000) / 10_000 + (random() < 0.5 ? 0.00005 : 0));
      values.push(Math.round(random() * 1_000_000) / 1000, (Math.round(random() * 20_000) + 0.5) / 1000);
    }
    for (const value of values) {
      expect(formatFrenchNumber(value), String(value)).toBe(
        value.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0'),
      );
    }
  });
});
