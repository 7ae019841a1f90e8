import { isLetterOrDigit } from '../../character-class.js';
import { sentenceBoundaries } from './sentence-boundaries.js';
import type { TextSpan } from './text-span.js';

/**
 * Titles that always precede a name: a period after them never ends a sentence.
 * Case-sensitive, because `m.` (mètre) or `me` can end a sentence in lowercase.
 */
export const titleAbbreviations: readonly string[] = [
  // Civil titles.
  'M',
  'MM',
  'Mme',
  'Mmes',
  'Mlle',
  'Mlles',
  // Academic, medical and legal titles (`Me` is maître, for lawyers and notaries).
  'Dr',
  'Drs',
  'Pr',
  'Prs',
  'Me',
  'Mgr',
  // Saints, as in « St. Louis » (French usually writes « Saint-Louis » or « St-Louis »).
  'St',
  'Ste',
  'Sts',
  'Stes',
];

/**
 * Abbreviations that announce what follows (a number, an example, a reference):
 * a period after them never ends a sentence. Compared in lowercase.
 */
export const referenceAbbreviations: readonly string[] = [
  // References inside a text.
  'cf',
  'p',
  'pp',
  'vol',
  'chap',
  'fig',
  'art',
  'éd',
  'coll',
  'dir',
  'réf',
  'trad',
  'tél',
  // Introducing an example or a paraphrase (« p. ex. », « c.-à-d. »).
  'ex',
  'c.-à-d',
  'càd',
  'vs',
  // Approximations before a quantity.
  'env',
  'approx',
  // Dates and addresses (« av. J.-C. », « 12 av. Foch », « bd »).
  'av',
  'apr',
  'bd',
  'boul',
];

// Not listed on purpose: « etc. », « Inc. », « Ltd. », « Corp. », « J.-C. » and « al. » often end a sentence,
// so they follow the general rule: no split before a lowercase word, a split before an uppercase one.

const titleSet: ReadonlySet<string> = new Set(titleAbbreviations);
const referenceSet: ReadonlySet<string> = new Set(referenceAbbreviations);

// Created once, on first use: building a segmenter is far more expensive than running it (ICU loads its
// break rules, 20–40 ms), and most lines never need it (`sentenceBoundaries` answers them).
let sentenceSegmenter: Intl.Segmenter | null = null;

/**
 * Splits French text into sentences, as trimmed spans with offsets into `text`.
 *
 * Built on `Intl.Segmenter` (Unicode sentence boundaries), then corrected for French:
 * - every line break is a hard break: text is never joined across lines;
 * - no split after titles and reference abbreviations (M., Mme, Dr, cf., p. ex., c.-à-d., vol., fig.…),
 *   after initials (« J. K. Rowling »), nor after an enumerator at the start of a line (« 1. »);
 * - a closing » ” ) ] after the final punctuation belongs to the sentence it closes;
 * - no split when the next sentence would start with a lowercase letter or a punctuation mark
 *   (« Tu viens ? » a-t-il demandé. / etc. et puis) nor where no space follows the punctuation
 *   (3.5, 1.000, URLs, e-mail addresses);
 * - an ellipsis (… or ...) ends a sentence only before an uppercase letter.
 * Spans with no letter or digit (a stray « . ») are attached to the previous sentence of their line, or
 * dropped when they are alone on it.
 */
export function segmentSentences(text: string): TextSpan[] {
  const sentences: TextSpan[] = [];
  const length = text.length;
  let lineStart = 0;
  for (let index = 0; index <= length; index++) {
    if (index === length || isLineBreak(text.charCodeAt(index))) {
      if (index > lineStart) segmentLine(text, lineStart, index, sentences);
      lineStart = index + 1;
    }
  }
  return sentences;
}

function segmentLine(text: string, lineStart: number, lineEnd: number, sentences: TextSpan[]): void {
  const firstSentenceIndex = sentences.length;
  const line = text.slice(lineStart, lineEnd);
  const candidates: number[] = [];
  const boundaries = sentenceBoundaries(line);
  if (boundaries !== null) {
    for (const boundary of boundaries) candidates.push(lineStart + boundary);
  } else {
    sentenceSegmenter ??= new Intl.Segmenter('fr', { granularity: 'sentence' });
    for (const segment of sentenceSegmenter.segment(line)) {
      if (segment.index > 0) candidates.push(lineStart + segment.index);
    }
  }
  // ICU does not treat « … » as sentence-final punctuation, and does not break before a number when the
  // next letter is lowercase (« Il a gagné. 100 000 dollars ont été versés. »): offer those boundaries too.
  const icuCandidateCount = candidates.length;
  for (let index = lineStart; index < lineEnd - 1; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x2026) {
      candidates.push(index + 1);
    } else if (
      (code === 0x2e || code === 0x21 || code === 0x3f) &&
      isWhitespace(text.charCodeAt(index + 1))
    ) {
      let next = index + 1;
      while (next < lineEnd && isWhitespace(text.charCodeAt(next))) next++;
      if (next < lineEnd && isDigit(text.charCodeAt(next))) candidates.push(next);
    }
  }
  if (candidates.length > icuCandidateCount) candidates.sort(compareNumbers);

  let sentenceStart = lineStart;
  for (const candidate of candidates) {
    if (candidate <= sentenceStart) continue;
    const sentenceBreak = findSentenceBreak(text, sentenceStart, candidate, lineEnd);
    if (sentenceBreak === undefined) continue;
    pushSentence(text, sentenceStart, sentenceBreak.sentenceEnd, sentences, firstSentenceIndex);
    sentenceStart = sentenceBreak.nextStart;
  }
  pushSentence(text, sentenceStart, lineEnd, sentences, firstSentenceIndex);
}

interface SentenceBreak {
  /** End of the sentence, after the closing quotes that follow its final punctuation. */
  sentenceEnd: number;
  /** Where the next sentence starts. */
  nextStart: number;
}

/**
 * Decides whether the candidate boundary really ends the sentence that began at `sentenceStart`;
 * `undefined` when it does not.
 */
function findSentenceBreak(
  text: string,
  sentenceStart: number,
  candidate: number,
  lineEnd: number,
): SentenceBreak | undefined {
  let sentenceEnd = candidate;
  while (sentenceEnd > sentenceStart && isWhitespace(text.charCodeAt(sentenceEnd - 1))) sentenceEnd--;
  if (sentenceEnd === sentenceStart) return undefined;
  // The end of the text before any closing quote: where the final punctuation is.
  let punctuationEnd = sentenceEnd;
  while (punctuationEnd > sentenceStart && isClosingMark(text, punctuationEnd - 1)) punctuationEnd--;

  // Closing quotes and brackets that follow the boundary belong to the sentence they close.
  let position = candidate;
  for (;;) {
    while (position < lineEnd && isWhitespace(text.charCodeAt(position))) position++;
    if (position < lineEnd && isClosingMark(text, position)) {
      position++;
      sentenceEnd = position;
    } else {
      break;
    }
  }
  if (position >= lineEnd) return undefined;
  // No space between the two: a decimal, a URL, an e-mail address or a typo, not a sentence break.
  if (position === sentenceEnd) return undefined;

  const start = firstSignificant(text, position, lineEnd);
  if (start === -1 || !canStartSentence(text, start)) return undefined;

  const finalMark = text.charCodeAt(punctuationEnd - 1);
  const isEllipsis =
    finalMark === 0x2026 ||
    (finalMark === 0x2e &&
      punctuationEnd - 2 > sentenceStart &&
      text.charCodeAt(punctuationEnd - 2) === 0x2e);
  if (isEllipsis) {
    if (!isUppercaseLetter(text, start)) return undefined;
  } else if (finalMark === 0x2e && endsWithAbbreviation(text, sentenceStart, punctuationEnd - 1)) {
    return undefined;
  }
  return { sentenceEnd, nextStart: position };
}

/** Whether the word just before the period at `periodIndex` is an abbreviation that never ends a sentence. */
function endsWithAbbreviation(text: string, sentenceStart: number, periodIndex: number): boolean {
  let tokenStart = periodIndex;
  while (tokenStart > sentenceStart) {
    const code = text.charCodeAt(tokenStart - 1);
    // A hyphen belongs to the abbreviation (« c.-à-d. », « J.-C. »), other opening marks do not.
    if (isWhitespace(code) || (isOpeningMark(code) && code !== 0x2d)) break;
    tokenStart--;
  }
  if (tokenStart === periodIndex) return false;
  const token = text.slice(tokenStart, periodIndex);
  if (titleSet.has(token)) return true;
  if (referenceSet.has(token.toLowerCase())) return true;
  if (isInitial(token)) return true;
  // « 1. Introduction »: an enumerator alone at the start of a line.
  return isEnumerator(token) && firstSignificant(text, sentenceStart, tokenStart + 1) === tokenStart;
}

/** « J », « É », « J.-P » (the final period removed); « J.-C » is excluded: it often ends a sentence. */
function isInitial(token: string): boolean {
  if (token.length === 1) return isUppercaseLetter(token, 0);
  if (token.length === 4 && token.charCodeAt(1) === 0x2e && token.charCodeAt(2) === 0x2d) {
    return token !== 'J.-C' && isUppercaseLetter(token, 0) && isUppercaseLetter(token, 3);
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isEnumerator(token: string): boolean {
  if (token.length > 3) return false;
  for (let index = 0; index < token.length; index++) {
    if (!isDigit(token.charCodeAt(index))) return false;
  }
  return true;
}

/** First position at or after `position` that is neither whitespace nor an opening quote, bracket or dash. */
function firstSignificant(text: string, position: number, end: number): number {
  for (let index = position; index < end; index++) {
    const code = text.charCodeAt(index);
    if (!isWhitespace(code) && !isOpeningMark(code)) return index;
  }
  return -1;
}

/** A sentence starts with an uppercase or caseless letter, a digit or a symbol; not lowercase nor punctuation. */
function canStartSentence(text: string, index: number): boolean {
  const character = text[index] as string;
  const lower = character.toLowerCase();
  if (lower !== character) return true;
  if (character.toUpperCase() !== character) return false;
  return !continuationMarks.has(character);
}

function isUppercaseLetter(text: string, index: number): boolean {
  const character = text[index] as string;
  return character.toLowerCase() !== character;
}

/** Punctuation that continues a sentence rather than starting one. */
const continuationMarks: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '.',
  '…',
  '!',
  '?',
  '»',
  '”',
  ')',
  ']',
  '}',
  '’',
  '%',
  '‰',
]);

function isClosingMark(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  // » ” ) ] › ’
  if (code === 0xbb || code === 0x201d || code === 0x29 || code === 0x5d || code === 0x203a) return true;
  // A straight quote closes when nothing word-like follows it.
  if (code === 0x22) {
    const next = text.charCodeAt(index + 1);
    return Number.isNaN(next) || isWhitespace(next) || next === 0x2c || next === 0x2e;
  }
  return false;
}

function isOpeningMark(code: number): boolean {
  return (
    code === 0xab || // «
    code === 0x201c || // “
    code === 0x201e || // „
    code === 0x2018 || // ‘
    code === 0x2039 || // ‹
    code === 0x22 || // "
    code === 0x28 || // (
    code === 0x5b || // [
    code === 0x2014 || // —
    code === 0x2013 || // –
    code === 0x2d // -
  );
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b)
  );
}

function compareNumbers(left: number, right: number): number {
  return left - right;
}

function pushSentence(
  text: string,
  start: number,
  end: number,
  sentences: TextSpan[],
  firstSentenceIndex: number,
): void {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (start === end) return;
  if (!hasLetterOrDigit(text, start, end)) {
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && sentences.length > firstSentenceIndex) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    }
    return;
  }
  sentences.push({ text: text.slice(start, end), start, end });
}

function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      return true;
    }
    // One UTF-16 unit, as the pattern read it: half a surrogate pair is neither.
    if (code >= 0x80 && isLetterOrDigit(code)) return true;
  }
  return false;
}
