import { describe, expect, it } from 'vitest';
import {
  codePointBefore,
  hasLowercaseLetter,
  hasUppercaseInitial,
  isLetter,
  isLetterOrDigit,
  isLowercaseLetter,
  isMark,
  isUppercaseLetter,
  isUppercaseRun,
  isUppercaseWord,
  lettersAndDigits,
  startsLikeName,
} from '../src/character-class.js';
import { isPlainProse, isQuotableProse, RESERVED_WORDS } from '../src/yaml-plain-scalars.js';
import { seededRandom } from './helpers/seeded-random.js';

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

  it('isLetter is /\\p{L}/u on every code point', () => {
    expect(mismatches(isLetter, /^\p{L}$/u)).toEqual([]);
  });

  it('isLowercaseLetter is /\\p{Ll}/u on every code point', () => {
    expect(mismatches(isLowercaseLetter, /^\p{Ll}$/u)).toEqual([]);
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

/** Random texts of letters of every kind, digits, spaces, line breaks and signs: every branch of the scans. */
function randomTexts(count: number, seed: number): string[] {
  const pieces = [
    'a',
    'B',
    'é',
    'É',
    'ß',
    'µ',
    'ª',
    '2',
    '²',
    ' ',
    '\u00a0',
    '\u202f',
    '\n',
    '\r',
    '\u2028',
    '’',
    "'",
    '.',
    ',',
    ':',
    '?',
    '!',
    '«',
    '»',
    '“',
    '”',
    '…',
    '–',
    '-',
    '(',
    ')',
    '/',
    '%',
    '€',
    '$',
    '+',
    '#',
    '&',
    '*',
    '"',
    '\\',
    '𝐀',
    '𝐚',
    '🙂',
    'Σ',
    'ς',
    'ǅ',
    'IA',
    'GPT',
    'ia',
    '\u0301',
    '\ud800',
  ];
  const { below, pick } = seededRandom(seed);
  const texts: string[] = [];
  for (let run = 0; run < count; run += 1) {
    let text = '';
    for (let length = below(7); length > 0; length -= 1) text += pick(pieces);
    texts.push(text);
  }
  return texts;
}

describe('text predicates, against the patterns they replace', () => {
  const texts = randomTexts(20_000, 17);
  const PLAIN_PROSE =
    /^[\p{L}«“](?:[\p{L}\p{N} \u00a0\u202f’.,;!?()/%€$+«»“”…–—-]*[\p{L}\p{N}.!?)%€$»”…])?$/u;
  const QUOTED_PROSE = /^[\p{L}\p{N} \u00a0\u202f’'.,;:!?()/%€$+«»#&*-]*$/u;
  const cases: [string, (text: string) => unknown, (text: string) => unknown][] = [
    ['lettersAndDigits', lettersAndDigits, (text) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()],
    ['hasUppercaseInitial', hasUppercaseInitial, (text) => /^\p{Lu}/u.test(text)],
    ['hasLowercaseLetter', hasLowercaseLetter, (text) => /\p{Ll}/u.test(text)],
    ['isUppercaseWord', isUppercaseWord, (text) => /\p{L}.*\p{L}/u.test(text) && !/\p{Ll}/u.test(text)],
    [
      'isPlainProse',
      isPlainProse,
      (text) => PLAIN_PROSE.test(text) && !text.includes('  ') && !RESERVED_WORDS.has(text.toLowerCase()),
    ],
    ['isQuotableProse', isQuotableProse, (text) => QUOTED_PROSE.test(text)],
    ['isUppercaseRun', isUppercaseRun, (text) => /^\p{Lu}{2,}/u.test(text)],
    ['isUppercaseRun, whole', (text) => isUppercaseRun(text, true), (text) => /^\p{Lu}{2,}$/u.test(text)],
    ['startsLikeName', startsLikeName, (text) => /^\p{Lu}\p{Ll}/u.test(text)],
  ];
  it.each(['I\nA', 'I\rA', 'I\u2028A', 'I\u2029A', 'I A', 'IA\nb', '𝐀\r𝐁', '𝐀𝐁', 'É.'])(
    'isUppercaseWord(%j) as the patterns',
    (text) => {
      expect(isUppercaseWord(text)).toBe(/\p{L}.*\p{L}/u.test(text) && !/\p{Ll}/u.test(text));
    },
  );

  it.each(cases)('%s', (_name, scan, pattern) => {
    let truthy = 0;
    for (const text of texts) {
      const expected = pattern(text);
      expect(scan(text), JSON.stringify(text)).toEqual(expected);
      if (expected) truthy += 1;
    }
    // Both answers occur.
    expect(truthy).toBeGreaterThan(100);
    expect(truthy).toBeLessThan(texts.length - 100);
  });
});
