import { isLetterOrDigit, isMark } from '../../character-class.js';
import type { TextSpan } from './text-span.js';

/**
 * `word`: letters, possibly with digits, hyphens and lexical apostrophes (peut-être, GPT-4, aujourd’hui).
 * `number`: digits with their group separators, decimal part and unit sign (« 100 000 », « 4,5 % », « 20 € »).
 * `elision`: an elided article, pronoun or conjunction with its apostrophe (« l’ », « qu’ », « jusqu’ »).
 */
export type WordKind = 'word' | 'number' | 'elision';

export interface WordToken extends TextSpan {
  kind: WordKind;
}

/**
 * Words that elide before a vowel and are written as a separate token with their apostrophe.
 * « presqu’ » and « entr’ » are left out: they only appear in lexical words (presqu’île, entr’acte).
 */
export const elidedWords: readonly string[] = [
  // Articles and prepositions.
  'l',
  'd',
  // Pronouns.
  'j',
  'm',
  't',
  's',
  'c',
  'ç',
  'n',
  // Conjunctions and « que » compounds.
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  // « quelqu’ » elides in « quelqu’autre », but « quelqu’un » is a word of its own (see below).
  'quelqu',
];

const elidedSet: ReadonlySet<string> = new Set(elidedWords);

/**
 * Splits French text into words, numbers and elisions, with offsets into `text`.
 * Tokens never include surrounding punctuation or quotes. Hyphenated words are one token (peut-être,
 * a-t-il, est-à-dire); an elision at the start of a word is split off (« l’IA » -> « l’ » + « IA »,
 * « c’est-à-dire » -> « c’ » + « est-à-dire »); other apostrophes are lexical (aujourd’hui, main-d’œuvre,
 * O’Donnell, quelqu’un). Both ’ and ' are apostrophes. Numbers keep their group separators (space, U+00A0,
 * U+202F), their decimal part (« 4,5 », « 3.14 ») and a following %, ‰, €, $ or £ (« 4 % », « 20 € »).
 * With `maxTokens`, it stops once it has that many (or one more, an elision and its word): the text's
 * first tokens, for a caller that reads only the opening words or needs to know there are enough.
 */
export function tokenizeWords(text: string, maxTokens = Number.POSITIVE_INFINITY): WordToken[] {
  const count = scanWords(text, sharedBoundaries, maxTokens);
  const tokens: WordToken[] = [];
  const { starts, ends, kinds } = sharedBoundaries;
  for (let index = 0; index < count; index++) {
    const start = starts[index] as number;
    const end = ends[index] as number;
    tokens.push({ text: text.slice(start, end), start, end, kind: kinds[index] as WordKind });
  }
  return tokens;
}

/**
 * Where `tokenizeWords` cuts a text, as three parallel arrays reused from call to call: a caller that builds
 * objects of its own from the tokens (the analysis) makes no token object per word.
 */
export interface WordBoundaries {
  starts: number[];
  ends: number[];
  kinds: WordKind[];
}

export function createWordBoundaries(): WordBoundaries {
  return { starts: [], ends: [], kinds: [] };
}

/** The boundaries `tokenizeWords` fills and reads back at once: nothing runs in between. */
const sharedBoundaries = createWordBoundaries();

/**
 * Cuts `text` as `tokenizeWords` does, writing the tokens' offsets and kinds over the first entries of
 * `boundaries` (later entries are stale); returns how many tokens there are.
 */
export function scanWords(
  text: string,
  boundaries: WordBoundaries,
  maxTokens = Number.POSITIVE_INFINITY,
): number {
  const tokens: TokenSink = { boundaries, count: 0 };
  const length = text.length;
  let index = 0;
  // Tokens are cut from left to right and never revised: stopping early keeps the first ones as they are.
  while (index < length && tokens.count < maxTokens) {
    const code = text.charCodeAt(index);
    const kind = classify(text, index, code);
    if (kind === other) {
      // A currency sign glued before a number (« $100 ») belongs to it.
      if (isPrefixCurrency(code) && index + 1 < length && isDigit(text.charCodeAt(index + 1))) {
        index = scanToken(text, index, index + 1, tokens);
      } else {
        index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      }
      continue;
    }
    if (kind === letter && (code === 0x68 || code === 0x48 || code === 0x77 || code === 0x57)) {
      const urlEnd = matchUrl(text, index);
      if (urlEnd !== -1) {
        addToken(tokens, index, urlEnd, 'word');
        index = urlEnd;
        continue;
      }
    }
    index = scanToken(text, index, index, tokens);
  }
  return tokens.count;
}

/** The boundaries being written and how many tokens they hold so far. */
interface TokenSink {
  boundaries: WordBoundaries;
  count: number;
}

function addToken(tokens: TokenSink, start: number, end: number, kind: WordKind): void {
  const { boundaries } = tokens;
  const index = tokens.count;
  // Appended in order: an entry past the arrays' end is pushed (they stay packed), an earlier one overwritten.
  if (index < boundaries.starts.length) {
    boundaries.starts[index] = start;
    boundaries.ends[index] = end;
    boundaries.kinds[index] = kind;
  } else {
    boundaries.starts.push(start);
    boundaries.ends.push(end);
    boundaries.kinds.push(kind);
  }
  tokens.count = index + 1;
}

/** Counts words as word processors do: words and numbers count, elisions do not (« l’IA » is one word). */
export function countWords(tokens: readonly WordToken[]): number {
  let count = 0;
  for (const token of tokens) {
    if (token.kind !== 'elision') count++;
  }
  return count;
}

/**
 * `countWords(tokenizeWords(text)) >= minimum`, reading only the text's first tokens when they hold that many
 * words: for a caller that asks whether a long text has a few words.
 */
export function holdsWords(text: string, minimum: number): boolean {
  // An elision comes before its word: twice as many tokens hold enough words, unless elisions follow each other.
  const limit = 2 * minimum;
  const tokens = tokenizeWords(text, limit);
  if (countWords(tokens) >= minimum) return true;
  // Fewer tokens than asked for: the whole text was read.
  if (tokens.length < limit) return false;
  return countWords(tokenizeWords(text)) >= minimum;
}

const other = 0;
const letter = 1;
const digit = 2;

/**
 * Scans one token starting at `start` (`wordStart` is past a currency prefix, if any), pushes it (and the
 * elisions split off its front) and returns where scanning resumes.
 */
function scanToken(text: string, start: number, wordStart: number, tokens: TokenSink): number {
  const length = text.length;
  let tokenStart = start;
  let index = wordStart;
  let hasLetter = false;
  // Whether the token so far is only letters: an elision candidate.
  let onlyLetters = true;
  // Whether the token so far is only digits in groups of three: a group separator may follow.
  let groupable = true;
  let groupLength = 0;
  let groupCount = 0;

  for (;;) {
    // A run of letters and digits.
    while (index < length) {
      const code = text.charCodeAt(index);
      const kind = classify(text, index, code);
      if (kind === other) break;
      if (kind === letter) {
        hasLetter = true;
        groupable = false;
      } else {
        onlyLetters = false;
        groupLength++;
      }
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    if (index >= length) break;
    const code = text.charCodeAt(index);
    const next = index + 1 < length ? classify(text, index + 1, text.charCodeAt(index + 1)) : other;
    const previous = classify(text, index - 1, text.charCodeAt(index - 1));

    if (isApostrophe(code)) {
      if (previous !== letter) break;
      if (next !== letter) {
        // « l' IA », « jusqu' à »: a stray space after an elision does not make it a word.
        if (!onlyLetters || !isElision(text, tokenStart, index)) break;
        addToken(tokens, tokenStart, index + 1, 'elision');
        return index + 1;
      }
      if (onlyLetters && isElision(text, tokenStart, index)) {
        addToken(tokens, tokenStart, index + 1, 'elision');
        tokenStart = index + 1;
        index = tokenStart;
        hasLetter = false;
        continue;
      }
      onlyLetters = false;
      index++;
      continue;
    }
    if (isHyphen(code) || code === 0xad) {
      if (next === other || previous === other) break;
      onlyLetters = false;
      groupable = false;
      index++;
      continue;
    }
    if (code === 0x2c || code === 0x2e) {
      // Decimal comma or point between digits; a point also joins « Node.js », « exemple.fr ».
      if (next === other || previous === other) break;
      if (code === 0x2c && (next !== digit || previous !== digit)) break;
      onlyLetters = false;
      groupable = false;
      index++;
      continue;
    }
    if (code === 0x40 || code === 0x5f) {
      // E-mail addresses and identifiers: « jean.dupont@exemple.fr », « snake_case ».
      if (next === other || previous === other) break;
      onlyLetters = false;
      groupable = false;
      index++;
      continue;
    }
    if (isGroupSeparator(code) && groupable && previous === digit) {
      // « 100 000 »: the first group has 1 to 3 digits, the next ones exactly 3.
      const groupValid = groupCount === 0 ? groupLength >= 1 && groupLength <= 3 : groupLength === 3;
      if (groupValid && hasDigits(text, index + 1, 3) && !continuesWord(text, index + 4)) {
        groupCount++;
        groupLength = 3;
        index += 4;
        continue;
      }
    }
    break;
  }

  let end = index;
  if (end === tokenStart) return index;
  if (!hasLetter) {
    // A unit sign after a number, glued or after one space: « 4 % », « 100 000 $ », « 20€ ».
    if (end < length && isUnitSign(text.charCodeAt(end))) {
      end++;
    } else if (
      end + 1 < length &&
      isGroupSeparator(text.charCodeAt(end)) &&
      isUnitSign(text.charCodeAt(end + 1))
    ) {
      end += 2;
    }
  }
  addToken(tokens, tokenStart, end, hasLetter ? 'word' : 'number');
  return end;
}

function isElision(text: string, start: number, apostrophe: number): boolean {
  const size = apostrophe - start;
  if (size > 6) return false;
  const prefix = text.slice(start, apostrophe).toLowerCase();
  if (!elidedSet.has(prefix)) return false;
  if (prefix === 'quelqu') {
    // « quelqu’un(e)(s) » is a lexical word.
    const after = text.slice(apostrophe + 1, apostrophe + 3).toLowerCase();
    return after !== 'un';
  }
  return true;
}

function classify(text: string, index: number, code: number): number {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return letter;
    if (code >= 0x30 && code <= 0x39) return digit;
    return other;
  }
  // Latin-1 and Latin Extended-A/B letters, without × and ÷.
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? other : letter;
  if (code >= 0xdc00 && code <= 0xdfff) return other;
  // Any other letter or combining mark; superscripts and other numerals (², ½) are part of words, not
  // numbers we can read. Without `/[\p{L}\p{M}]/u` and `/\p{N}/u`: 1 to 2 ms to compile at each start.
  const codePoint = text.codePointAt(index) as number;
  return isLetterOrDigit(codePoint) || isMark(codePoint) ? letter : other;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function hasDigits(text: string, start: number, count: number): boolean {
  if (start + count > text.length) return false;
  for (let index = start; index < start + count; index++) {
    if (!isDigit(text.charCodeAt(index))) return false;
  }
  return true;
}

function continuesWord(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return classify(text, index, text.charCodeAt(index)) !== other;
}

function isApostrophe(code: number): boolean {
  // ’ ' ʼ
  return code === 0x2019 || code === 0x27 || code === 0x2bc;
}

function isHyphen(code: number): boolean {
  // - ‐ ‑
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

function isGroupSeparator(code: number): boolean {
  // Space, no-break space, narrow no-break space, thin space.
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

function isUnitSign(code: number): boolean {
  // % ‰ € $ £
  return code === 0x25 || code === 0x2030 || code === 0x20ac || code === 0x24 || code === 0xa3;
}

function isPrefixCurrency(code: number): boolean {
  return code === 0x24 || code === 0xa3 || code === 0x20ac;
}

const urlPattern = /(?:https?:\/\/|www\.)[^\s<>«»"“”]+/iy;

/** End of a URL starting at `index` (without its trailing punctuation), or -1. */
function matchUrl(text: string, index: number): number {
  if (index > 0 && classify(text, index - 1, text.charCodeAt(index - 1)) !== other) return -1;
  urlPattern.lastIndex = index;
  if (!urlPattern.test(text)) return -1;
  let end = urlPattern.lastIndex;
  while (end > index) {
    const code = text.charCodeAt(end - 1);
    // Punctuation that ends the sentence around the URL, not the URL: « (voir https://a.fr/b). »
    if (code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f)
      end--;
    else if (code === 0x29 && text.lastIndexOf('(', end - 1) < index) end--;
    else if (code === 0x2019 || code === 0x27) end--;
    else break;
  }
  return end;
}
