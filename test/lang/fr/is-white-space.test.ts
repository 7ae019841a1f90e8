import { describe, expect, it } from 'vitest';
import { isSpacesOnly, isWhiteSpace } from '../../../src/lang/fr/is-white-space.js';

describe('isWhiteSpace', () => {
  it('is `\\s` (with or without the u flag) on every code unit', () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const character = String.fromCharCode(code);
      if (isWhiteSpace(code) !== /\s/u.test(character) || isWhiteSpace(code) !== /\s/.test(character))
        differing.push(code);
    }
    expect(differing).toEqual([]);
  });
});

describe('isSpacesOnly', () => {
  it.each([
    ['a  b', 1, 3, true],
    ['a \u00a0\u202fb', 1, 4, true],
    ['a, b', 1, 3, false],
    ['ab', 1, 1, true],
  ])('%j from %i to %i → %s', (text, start, end, expected) => {
    expect(isSpacesOnly(text, start, end)).toBe(expected);
    expect(isSpacesOnly(text, start, end)).toBe(!/[^\s]/u.test(text.slice(start, end)));
  });
});
