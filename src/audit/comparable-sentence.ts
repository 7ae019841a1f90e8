/**
 * A sentence as the coverage check compares it: letters and digits only, lower case, one space between
 * words, and capitals without their accents (the polish writes « À quoi bon » where the author typed
 * « A quoi bon »: French capitals take accents, and that is the same sentence). Pure.
 *
 * The same as
 * `text.normalize('NFD').replace(/(\p{Lu})\p{M}+/gu, '$1').normalize('NFC').toLowerCase()
 * .replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`, written as two scans of the text: those Unicode-property
 * regular expressions test every character and cost twenty times as much, on every sentence of the
 * source and of the article.
 */
export function comparableSentence(text: string): string {
  return lettersAndDigits(
    withoutCapitalAccents(text.normalize('NFD')).normalize('NFC').toLowerCase(), // Unicode's default lowercasing is French's (see normalizeWord)
  );
}

const MARK = /^\p{M}$/u;
const UPPERCASE = /^\p{Lu}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Non-ASCII code points already classified: a text repeats the same few accented letters. */
const markMemo = new Map<number, boolean>();
const uppercaseMemo = new Map<number, boolean>();
const letterOrDigitMemo = new Map<number, boolean>();

function classified(memo: Map<number, boolean>, pattern: RegExp, codePoint: number): boolean {
  let known = memo.get(codePoint);
  if (known === undefined) {
    known = pattern.test(String.fromCodePoint(codePoint));
    memo.set(codePoint, known);
  }
  return known;
}

/** Whether the code point is a combining mark (none is ASCII). */
function isMark(codePoint: number): boolean {
  return codePoint >= 0x80 && classified(markMemo, MARK, codePoint);
}

function isUppercase(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x41 && codePoint <= 0x5a;
  return classified(uppercaseMemo, UPPERCASE, codePoint);
}

function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return (codePoint >= 0x30 && codePoint <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
  }
  return classified(letterOrDigitMemo, LETTER_OR_DIGIT, codePoint);
}

/** `decomposed.replace(/(\p{Lu})\p{M}+/gu, '$1')`: the marks after a capital dropped. */
function withoutCapitalAccents(decomposed: string): string {
  let result = '';
  let kept = 0;
  let previousIsUppercase = false;
  let index = 0;
  const length = decomposed.length;
  while (index < length) {
    const code = decomposed.charCodeAt(index);
    if (code < 0x80) {
      previousIsUppercase = code >= 0x41 && code <= 0x5a;
      index += 1;
      continue;
    }
    const codePoint = decomposed.codePointAt(index) as number;
    const size = codePoint > 0xffff ? 2 : 1;
    if (previousIsUppercase && isMark(codePoint)) {
      // The capital's marks, all of them: drop the run.
      result += decomposed.slice(kept, index);
      let end = index + size;
      for (;;) {
        const next = decomposed.codePointAt(end);
        if (next === undefined || !isMark(next)) break;
        end += next > 0xffff ? 2 : 1;
      }
      kept = end;
      index = end;
      previousIsUppercase = false;
      continue;
    }
    previousIsUppercase = isUppercase(codePoint);
    index += size;
  }
  return kept === 0 ? decomposed : result + decomposed.slice(kept);
}

/** `text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`: words of letters and digits, one space apart. */
function lettersAndDigits(text: string): string {
  let result = '';
  let wordStart = -1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    let inWord: boolean;
    let size = 1;
    if (code < 0x80) {
      const lower = code | 0x20;
      inWord = (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
    } else {
      const codePoint = text.codePointAt(index) as number;
      if (codePoint > 0xffff) size = 2;
      inWord = isLetterOrDigit(codePoint);
    }
    if (inWord) {
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
