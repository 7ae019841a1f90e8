/**
 * Unicode character classes (`\p{L}`, `\p{N}`, `\p{Lu}`, `\p{M}`) tested on one code point, without a
 * regular expression for the characters French text is made of. A pattern with `\p{L}` costs 0.5 to
 * 2 ms to compile (its astral ranges become a large alternation), and a pattern built for each keyphrase
 * is compiled again for each new keyphrase: these tests are compiled once, only for a rare character,
 * and remember their answer. Pure.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UPPERCASE = /^\p{Lu}$/u;
const MARK = /^\p{M}$/u;

/** Code points from U+0080 on, already classified: a text repeats the same few characters. */
const letterOrDigitMemo = new Map<number, boolean>();
const uppercaseMemo = new Map<number, boolean>();
const markMemo = new Map<number, boolean>();

function classified(memo: Map<number, boolean>, pattern: RegExp, codePoint: number): boolean {
  let known = memo.get(codePoint);
  if (known === undefined) {
    known = pattern.test(String.fromCodePoint(codePoint));
    memo.set(codePoint, known);
  }
  return known;
}

/** `/[\p{L}\p{N}]/u` on one code point. */
export function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return (codePoint >= 0x30 && codePoint <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
  }
  // Latin-1 and Latin Extended-A and B letters, without × and ÷.
  if (codePoint >= 0xc0 && codePoint <= 0x24f) return codePoint !== 0xd7 && codePoint !== 0xf7;
  // General Punctuation (’ « no-break spaces » …): no letter, no digit.
  if (codePoint >= 0x2000 && codePoint <= 0x206f) return false;
  return classified(letterOrDigitMemo, LETTER_OR_DIGIT, codePoint);
}

/** `/\p{Lu}/u` on one code point. */
export function isUppercaseLetter(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x41 && codePoint <= 0x5a;
  return classified(uppercaseMemo, UPPERCASE, codePoint);
}

/** `/\p{M}/u` on one code point (no combining mark is ASCII). */
export function isMark(codePoint: number): boolean {
  return codePoint >= 0x80 && classified(markMemo, MARK, codePoint);
}

/**
 * The code point that ends just before `index`, as a `u` regular expression's lookbehind reads it (a
 * surrogate pair as one); `undefined` at the start.
 */
export function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const last = text.charCodeAt(index - 1);
  if (last >= 0xdc00 && last <= 0xdfff && index >= 2) {
    const lead = text.charCodeAt(index - 2);
    if (lead >= 0xd800 && lead <= 0xdbff) return (lead - 0xd800) * 0x400 + (last - 0xdc00) + 0x10000;
  }
  return last;
}
