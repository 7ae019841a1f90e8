import { codePointBefore, isLetterOrDigit } from '../character-class.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import { foldAccents, normalizeWord } from '../lang/fr/normalize-word.js';
import { stem } from '../lang/fr/stem.js';
import { tokenizeWords, type WordToken } from '../lang/fr/tokenize-words.js';
import type { PhraseAnalysis, PhraseMatch } from './analysis.js';

/** A keyphrase or synonym prepared once, then matched against any number of texts. */
export interface PhraseMatcher {
  phrase: PhraseAnalysis;
  /** Exact occurrences (case, apostrophe and space insensitive) in a text. */
  exactIndices(text: string): number[];
  /** Match in a short text such as a title, a heading or an alt text. */
  match(text: string): PhraseMatch;
  /** How many times the phrase occurs among already stemmed words: the count of its rarest content word. */
  countInStems(stems: readonly string[]): number;
}

const SPACE_CLASS = '[\\s\\u00a0\\u202f]+';
/**
 * Longest phrase turned into a regular expression. Ingest refuses keyphrases over 120 characters
 * and words over 300; this guard keeps any other caller (an LLM's plan) from building a pattern that
 * overflows the regular expression compiler's stack (near 10,000 characters).
 */
export const MAX_PATTERN_PHRASE_LENGTH = 1000;

export function createPhraseMatcher(text: string): PhraseMatcher {
  const tokens = tokenizeWords(text);
  // Loops, not `map` and `filter`, for arrays read in hot code: see nounPhrases (headline-from-sentence.ts).
  const words: string[] = [];
  const content: WordToken[] = [];
  const notElided: WordToken[] = [];
  for (const token of tokens) {
    const word = normalizeWord(token.text);
    words.push(word);
    if (token.kind === 'elision') continue;
    notElided.push(token);
    if (!isFunctionWord(word)) content.push(token);
  }
  // A phrase of function words only (« en tant que ») is matched on all its words.
  const significant = content.length > 0 ? content : notElided;
  const contentWords: string[] = [];
  const contentStems: string[] = [];
  for (const token of significant) {
    const word = normalizeWord(token.text);
    contentWords.push(word);
    contentStems.push(stem(word));
  }
  const phrase: PhraseAnalysis = { text: text.trim(), words, contentWords, contentStems };
  const exactPattern = buildExactPattern(tokens.map((token) => token.text));
  const uniqueStems = [...new Set(contentStems)];

  function exactIndices(haystack: string): number[] {
    if (exactPattern === null) return [];
    const indices: number[] = [];
    exactPattern.lastIndex = 0;
    for (;;) {
      const found = exactPattern.exec(haystack);
      if (found === null) return indices;
      const start = found.index;
      if (isWholeWords(haystack, start, start + found[0].length)) {
        indices.push(start);
      } else {
        // As the lookarounds did: the next try starts one character (code point) further.
        exactPattern.lastIndex = start + ((haystack.codePointAt(start) as number) > 0xffff ? 2 : 1);
      }
    }
  }

  function countInStems(stems: readonly string[]): number {
    if (uniqueStems.length === 0) return 0;
    let smallest = Number.POSITIVE_INFINITY;
    for (const wanted of uniqueStems) {
      let count = 0;
      for (const candidate of stems) if (candidate === wanted) count += 1;
      // A stem repeated in the phrase (« prêt à prêter ») needs as many occurrences.
      const needed = contentStems.filter((value) => value === wanted).length;
      smallest = Math.min(smallest, Math.floor(count / needed));
      if (smallest === 0) return 0;
    }
    return smallest;
  }

  function match(haystack: string): PhraseMatch {
    const indices = exactIndices(haystack);
    const haystackStems = new Set(
      tokenizeWords(haystack)
        .filter((token) => token.kind !== 'elision')
        .map((token) => stem(token.text)),
    );
    const contentWordsFound = uniqueStems.filter((value) => haystackStems.has(value)).length;
    return {
      exact: indices.length > 0,
      exactIndex: indices[0] ?? -1,
      allContentWords: uniqueStems.length > 0 && contentWordsFound === uniqueStems.length,
      contentWordsFound,
    };
  }

  return { phrase, exactIndices, match, countInStems };
}

/** Whether a slug (ASCII words joined by hyphens) contains each content word of the phrase. */
export function countPhraseWordsInSlug(phrase: PhraseAnalysis, slug: string): number {
  const parts = slug
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part.length > 0);
  const partStems = new Set(parts.map((part) => foldAccents(stem(part))));
  const partSet = new Set(parts);
  let found = 0;
  phrase.contentWords.forEach((word, index) => {
    // « libre-service » is in « velos-libre-service » when each of its parts is.
    const pieces = foldAccents(word)
      .split(/[^a-z0-9]+/)
      .filter((piece) => piece.length > 0);
    const stemmed = foldAccents(phrase.contentStems[index] ?? word);
    if ((pieces.length > 0 && pieces.every((piece) => partSet.has(piece))) || partStems.has(stemmed))
      found += 1;
  });
  return found;
}

function buildExactPattern(tokenTexts: readonly string[]): RegExp | null {
  if (tokenTexts.length === 0) return null;
  // Not a keyphrase: matched on its stems only.
  if (tokenTexts.reduce((length, token) => length + token.length + 1, 0) > MAX_PATTERN_PHRASE_LENGTH)
    return null;
  let source = '';
  tokenTexts.forEach((token, index) => {
    const escaped = escapeRegExp(token).replace(/['’ʼ]/g, "['’ʼ]");
    if (index > 0) {
      const previous = tokenTexts[index - 1] as string;
      // An elision is glued to the next word (« l’IA »); other words are separated by spaces.
      source += /['’ʼ]$/.test(previous) ? '' : SPACE_CLASS;
    }
    source += escaped;
  });
  // The word boundaries (no letter or digit on either side) are checked by `isWholeWords`: the same
  // pattern with `(?<![\p{L}\p{N}])` and `(?![\p{L}\p{N}])` took 0.6 ms to compile, for each new keyphrase.
  return new RegExp(source, 'giu');
}

/** Whether no letter or digit touches the match from `start` to `end`: it holds whole words. */
function isWholeWords(text: string, start: number, end: number): boolean {
  const before = codePointBefore(text, start);
  if (before !== undefined && isLetterOrDigit(before)) return false;
  const after = text.codePointAt(end);
  return after === undefined || !isLetterOrDigit(after);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
