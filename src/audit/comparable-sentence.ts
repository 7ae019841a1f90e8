import { isLetterOrDigit, isMark, isUppercaseLetter, lettersAndDigits } from '../character-class.js';

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
  return latinComparable(text) ?? slowComparable(text);
}

/** The definition's own steps, for text that has characters from U+0300 on (combining marks, Greek…). */
function slowComparable(text: string): string {
  return lettersAndDigits(
    withoutCapitalAccents(text.normalize('NFD')).normalize('NFC').toLowerCase(), // Unicode's default lowercasing is French's (see normalizeWord)
  );
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
    previousIsUppercase = isUppercaseLetter(codePoint);
    index += size;
  }
  return kept === 0 ? decomposed : result + decomposed.slice(kept);
}

/**
 * Below U+0300 and in General Punctuation there is no combining mark, no character that composes with its neighbour and no
 * context-dependent lowercasing (Greek final sigma is above): there the definition works character by
 * character, so each character's result is looked up once and the text read in one scan. Null when the
 * text has another character, or one whose result mixes letters and other characters.
 */
function latinComparable(text: string): string | null {
  let result = '';
  let wordStart = -1;
  /** Whether the current word has a character its result changes (a capital): then it is rebuilt. */
  let changed = false;
  const length = text.length;
  for (let index = 0; index <= length; index += 1) {
    const code = index < length ? text.charCodeAt(index) : 0x20;
    let inWord: boolean;
    if (code < 0x80) {
      const lower = code | 0x20;
      inWord = (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
      if (inWord && code !== lower && code >= 0x41) changed = true;
    } else if (code < 0x300 || (code >= PUNCTUATION_START && code < PUNCTUATION_END)) {
      const folded = latinFolds()[foldIndex(code)] as string | null;
      if (folded === null) return null;
      inWord = folded.length > 0;
      if (inWord && (folded.length !== 1 || folded.charCodeAt(0) !== code)) changed = true;
    } else {
      return null;
    }
    if (inWord) {
      if (wordStart < 0) wordStart = index;
    } else if (wordStart >= 0) {
      const word = changed ? foldWord(text, wordStart, index) : text.slice(wordStart, index);
      result += result.length > 0 ? ` ${word}` : word;
      wordStart = -1;
      changed = false;
    }
  }
  return result;
}

function foldWord(text: string, start: number, end: number): string {
  let word = '';
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    word += code < 0x80 ? String.fromCharCode(code | 0x20) : (latinFolds()[foldIndex(code)] as string);
  }
  return word;
}

/** General Punctuation (’, …, no-break spaces, dashes): no letter, no mark, nothing that composes. */
const PUNCTUATION_START = 0x2000;
const PUNCTUATION_END = 0x2070;

function foldIndex(code: number): number {
  return code < 0x300 ? code - 0x80 : code - PUNCTUATION_START + 0x300 - 0x80;
}

/**
 * For U+0080 to U+02FF and General Punctuation, the definition's result for the character alone: its letters (« É » -> « e »,
 * « é » -> « é »), the empty string for a character that is no letter or digit, null when it is both.
 */
let latinFoldTable: (string | null)[] | null = null;

function latinFolds(): (string | null)[] {
  if (latinFoldTable === null) {
    latinFoldTable = [];
    for (let code = 0x80; code < PUNCTUATION_END; code = code === 0x2ff ? PUNCTUATION_START : code + 1) {
      const folded = withoutCapitalAccents(String.fromCharCode(code).normalize('NFD'))
        .normalize('NFC')
        .toLowerCase();
      const kinds = new Set(
        [...folded].map((character) => isLetterOrDigit(character.codePointAt(0) as number)),
      );
      latinFoldTable.push(kinds.size > 1 ? null : kinds.has(true) ? folded : '');
    }
  }
  return latinFoldTable;
}
