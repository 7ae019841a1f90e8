import { describe, expect, it } from 'vitest';
import {
  codePointBefore,
  isLetterOrDigit,
  isMark,
  isUppercaseLetter,
} from '../../src/lang/character-class.js';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UPPERCASE = /^\p{Lu}$/u;
const MARK = /^\p{M}$/u;

/** Every code point whose answer differs from the regular expression's, for one class. */
function mismatches(test: (codePoint: number) => boolean, pattern: RegExp): number[] {
  const wrong: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
    if (test(codePoint) !== pattern.test(String.fromCodePoint(codePoint))) wrong.push(codePoint);
  }
  return wrong;
}

describe('character classes', () => {
  // The fast paths (ASCII, Latin letters, General Punctuation) must say what \p says, on every code point.
  it('isLetterOrDigit is /[\\p{L}\\p{N}]/u on every code point', () => {
    expect(mismatches(isLetterOrDigit, LETTER_OR_DIGIT)).toEqual([]);
  });

  it('isUppercaseLetter is /\\p{Lu}/u on every code point', () => {
    expect(mismatches(isUppercaseLetter, UPPERCASE)).toEqual([]);
  });

  it('isMark is /\\p{M}/u on every code point', () => {
    expect(mismatches(isMark, MARK)).toEqual([]);
  });

  it.each([
    ['', 0, undefined],
    ['a', 0, undefined],
    ['ab', 1, 0x61],
    ['l’IA', 2, 0x2019],
    // A surrogate pair ending there is one code point, as a `u` lookbehind reads it.
    ['𝐀b', 2, 0x1d400],
    // Index 2 of « x𝐀 » splits the pair: what ends there is its high half, alone.
    ['x𝐀', 2, 0xd835],
    ['\udc00b', 1, 0xdc00],
    ['a\ud835', 2, 0xd835],
  ])('codePointBefore(%j, %i) is %s', (text, index, expected) => {
    expect(codePointBefore(text, index)).toBe(expected);
  });
});
