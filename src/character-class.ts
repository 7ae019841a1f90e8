/**
 * Unicode character classes (`\p{L}`, `\p{N}`, `\p{Lu}`, `\p{M}`) tested on one code point, without a
 * regular expression for the characters French text is made of. A pattern with `\p{L}` costs 0.5 to
 * 2 ms to compile (its astral ranges become a large alternation), and a pattern built for each keyphrase
 * is compiled again for each new keyphrase: these tests are compiled once, only for a rare character,
 * and remember their answer. Pure.
 */

const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UPPERCASE = /^\p{Lu}$/u;
const LOWERCASE = /^\p{Ll}$/u;
const MARK = /^\p{M}$/u;

/** Code points from U+0080 on, already classified: a text repeats the same few characters. */
const letterMemo = new Map<number, boolean>();
const letterOrDigitMemo = new Map<number, boolean>();
const uppercaseMemo = new Map<number, boolean>();
const lowercaseMemo = new Map<number, boolean>();
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
  // Latin-1's signs (« » ° €…): ª µ º are letters, ² ³ ¹ ¼ ½ ¾ numbers.
  if (codePoint < 0xc0) return isLatin1Letter(codePoint) || isLatin1Number(codePoint);
  // Latin-1 and Latin Extended-A and B letters, without × and ÷.
  if (codePoint <= 0x24f) return codePoint !== 0xd7 && codePoint !== 0xf7;
  if (hasNoLetterOrDigit(codePoint)) return false;
  return classified(letterOrDigitMemo, LETTER_OR_DIGIT, codePoint);
}

/** `/\p{Lu}/u` on one code point. */
export function isUppercaseLetter(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x41 && codePoint <= 0x5a;
  // Latin-1: À to Þ, without ×.
  if (codePoint <= 0xff) return codePoint >= 0xc0 && codePoint <= 0xde && codePoint !== 0xd7;
  if (hasNoLetterOrDigit(codePoint)) return false;
  return classified(uppercaseMemo, UPPERCASE, codePoint);
}

/** `/\p{M}/u` on one code point (the first combining mark is U+0300; General Punctuation has none). */
export function isMark(codePoint: number): boolean {
  if (codePoint < 0x300 || isGeneralPunctuation(codePoint)) return false;
  if (isCombiningDiacritic(codePoint)) return true;
  return classified(markMemo, MARK, codePoint);
}

/**
 * Combining Diacritical Marks (what NFD splits accents into) and General Punctuation (’ no-break spaces
 * “ ” …): blocks without a letter or a digit, frequent in French text.
 */
function hasNoLetterOrDigit(codePoint: number): boolean {
  return isCombiningDiacritic(codePoint) || isGeneralPunctuation(codePoint);
}

/** U+0300 to U+036F: the accents NFD splits « é » into, all combining marks. */
function isCombiningDiacritic(codePoint: number): boolean {
  return codePoint >= 0x300 && codePoint <= 0x36f;
}

/** U+2000 to U+206F: spaces, dashes, quotation marks, the ellipsis; no letter, digit or mark. */
function isGeneralPunctuation(codePoint: number): boolean {
  return codePoint >= 0x2000 && codePoint <= 0x206f;
}

/** ª, µ, º: the letters of Latin-1 below À. */
function isLatin1Letter(codePoint: number): boolean {
  return codePoint === 0xaa || codePoint === 0xb5 || codePoint === 0xba;
}

/** ² ³ ¹ ¼ ½ ¾: the numbers of Latin-1. */
function isLatin1Number(codePoint: number): boolean {
  return (
    codePoint === 0xb2 || codePoint === 0xb3 || codePoint === 0xb9 || (codePoint >= 0xbc && codePoint <= 0xbe)
  );
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

/** `/\p{Ll}/u` on one code point. */
export function isLowercaseLetter(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x61 && codePoint <= 0x7a;
  // Latin-1: µ, and ß to ÿ without ÷.
  if (codePoint <= 0xff) return codePoint === 0xb5 || (codePoint >= 0xdf && codePoint !== 0xf7);
  if (hasNoLetterOrDigit(codePoint)) return false;
  return classified(lowercaseMemo, LOWERCASE, codePoint);
}

/** `/\p{L}/u` on one code point. */
export function isLetter(codePoint: number): boolean {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return lower >= 0x61 && lower <= 0x7a;
  }
  if (codePoint < 0xc0) return isLatin1Letter(codePoint);
  if (codePoint <= 0x24f) return codePoint !== 0xd7 && codePoint !== 0xf7;
  if (hasNoLetterOrDigit(codePoint)) return false;
  return classified(letterMemo, LETTER, codePoint);
}

/**
 * `text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`: the runs of letters and digits, one space apart, in one
 * scan (that pattern cost 1 to 3 ms to compile at each start, and tested every character through it).
 */
export function lettersAndDigits(text: string): string {
  let result = '';
  let wordStart = -1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const codePoint = text.codePointAt(index) as number;
    const size = codePoint > 0xffff ? 2 : 1;
    if (isLetterOrDigit(codePoint)) {
      if (wordStart < 0) wordStart = index;
    } else if (wordStart >= 0) {
      result += result.length > 0 ? ` ${text.slice(wordStart, index)}` : text.slice(wordStart, index);
      wordStart = -1;
    }
    index += size;
  }
  if (wordStart >= 0) result += result.length > 0 ? ` ${text.slice(wordStart)}` : text.slice(wordStart);
  return result;
}

/** `/^\p{Lu}/u.test(text)`. */
export function hasUppercaseInitial(text: string): boolean {
  const initial = text.codePointAt(0);
  return initial !== undefined && isUppercaseLetter(initial);
}

/** `/\p{Ll}/u.test(text)`. */
export function hasLowercaseLetter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80 ? code >= 0x61 && code <= 0x7a : isLowercaseLetter(text.codePointAt(index) as number))
      return true;
  }
  return false;
}

/**
 * `/\p{L}.*\p{L}/u.test(text) && !/\p{Ll}/u.test(text)` (« IA », « GPT »): two letters on one line, none
 * lower case. Counted, not matched: those patterns cost 2 ms to compile at each start.
 */
export function isUppercaseWord(text: string): boolean {
  // Letters since the last line break (`.` crosses none).
  let letters = 0;
  let twoLetters = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (code >= 97 && code <= 122) return false;
      if (code >= 65 && code <= 90) letters += 1;
      else if (code === 10 || code === 13) letters = 0;
    } else if (code === 0x2028 || code === 0x2029) {
      letters = 0;
    } else {
      const codePoint = text.codePointAt(index) as number;
      if (codePoint > 0xffff) index += 1;
      if (isLowercaseLetter(codePoint)) return false;
      if (isLetter(codePoint)) letters += 1;
    }
    if (letters >= 2) twoLetters = true;
  }
  return twoLetters;
}

/** `/^\p{Lu}{2,}/u.test(text)` (`whole`: `/^\p{Lu}{2,}$/u`): an acronym (« IA », « RTX »), or a word opening on one. */
export function isUppercaseRun(text: string, whole = false): boolean {
  let letters = 0;
  for (let index = 0; index < text.length; index += 1) {
    const codePoint = text.codePointAt(index) as number;
    // Before two capitals (the only way here when not `whole`), or anywhere when `whole`.
    if (!isUppercaseLetter(codePoint)) return false;
    if (codePoint > 0xffff) index += 1;
    letters += 1;
    if (!whole && letters === 2) return true;
  }
  return letters >= 2;
}

/** `/^\p{Lu}\p{Ll}/u.test(text)`: a capital then a lower-case letter (« Monde », not « IA »). */
export function startsLikeName(text: string): boolean {
  const initial = text.codePointAt(0);
  if (initial === undefined || !isUppercaseLetter(initial)) return false;
  const next = text.codePointAt(initial > 0xffff ? 2 : 1);
  return next !== undefined && isLowercaseLetter(next);
}
