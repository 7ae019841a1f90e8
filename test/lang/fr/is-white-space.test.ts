import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from '../../../src/lang/fr/is-white-space.js';

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
