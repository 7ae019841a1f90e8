import { hasUppercaseInitial } from '../character-class.js';
import { foldAccents } from '../lang/fr/normalize-word.js';
import type { TextSpan } from '../lang/fr/text-span.js';
import type { AnalyzedSentence, AnalyzedWord, Facts, Figure } from './analysis.js';

/**
 * Units that give a figure its meaning, normalized so that « 100 000 dollars »
 * and « 100 000 $ » compare equal. Keys are accent-folded lowercase words.
 */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  '%': 'pct',
  pourcent: 'pct',
  pourcents: 'pct',
  'pour cent': 'pct',
  $: 'usd',
  dollar: 'usd',
  dollars: 'usd',
  usd: 'usd',
  '€': 'eur',
  euro: 'eur',
  euros: 'eur',
  eur: 'eur',
  '£': 'gbp',
  livre: 'gbp',
  livres: 'gbp',
  million: 'e6',
  millions: 'e6',
  milliard: 'e9',
  milliards: 'e9',
  mille: 'e3',
  ans: 'year',
  an: 'year',
  annees: 'year',
  mois: 'month',
  jours: 'day',
  heures: 'hour',
  minutes: 'minute',
  fois: 'times',
  km: 'km',
  kg: 'kg',
};

/** Spelled-out numbers that make a figure of « million » or « milliard » (« un million »). */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  un: '1',
  une: '1',
  deux: '2',
  trois: '3',
  quatre: '4',
  cinq: '5',
  six: '6',
  sept: '7',
  huit: '8',
  neuf: '9',
  dix: '10',
  cent: '100',
  mille: '1000',
};

/** A Map, not the object: most words miss, and a miss on an object walks its prototype (« constructor »…). */
const NUMBER_WORD_VALUES: ReadonlyMap<string, string> = new Map(Object.entries(NUMBER_WORDS));
/** The longest of {@link NUMBER_WORDS}. */
const NUMBER_WORD_LENGTH = Math.max(...Object.keys(NUMBER_WORDS).map((word) => word.length));

const OPENING_QUOTES = new Map([
  ['«', '»'],
  ['“', '”'],
]);

/**
 * Figures, direct quotes and capitalised names: what an honest rewrite must
 * keep and must not invent. Offsets are into `text`.
 */
export function extractFacts(
  text: string,
  words: readonly AnalyzedWord[],
  sentences: readonly AnalyzedSentence[],
): Facts {
  return {
    figures: extractFigures(words),
    quotes: extractQuotes(text),
    names: extractNames(text, words, sentences),
  };
}

/** Canonical key of a figure: its digits (decimal comma as point) and its unit. */
function figureKey(numberText: string, unit: string | null): string {
  const compact = numberText.replace(/[\s\u00a0\u202f]/g, '');
  let digits = compact.replace(/[^0-9.,]/g, '');
  // « 1.000 » and « 1,000 » as thousands separators: keep only the decimal part after a comma with 1–2 digits.
  digits = /,\d{1,2}$/.test(digits)
    ? digits.replace(/\./g, '').replace(',', '.')
    : digits.replace(/[.,](?=\d{3}\b)/g, '');
  const inlineUnit = compact.match(/[%$€£‰]$/)?.[0];
  const normalizedUnit = unit ?? (inlineUnit ? (UNIT_ALIASES[inlineUnit] ?? inlineUnit) : null);
  return normalizedUnit ? `${digits} ${normalizedUnit}` : digits;
}

function extractFigures(words: readonly AnalyzedWord[]): Figure[] {
  const figures: Figure[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as AnalyzedWord;
    // No spelled number is longer than six letters: longer words, most of them, skip the lookup.
    const spelled =
      word.normalized.length <= NUMBER_WORD_LENGTH ? NUMBER_WORD_VALUES.get(word.normalized) : undefined;
    // Most words are neither digits nor spelled numbers: skip them before any folding.
    if (word.kind !== 'number' && spelled === undefined) continue;
    const next = words[index + 1];
    const nextUnit = next ? UNIT_ALIASES[foldAccents(next.normalized)] : undefined;
    const adjacent = next !== undefined && next.start - word.end <= 2;
    if (word.kind === 'number') {
      const hasInlineUnit = /[%$€£‰]$/.test(word.text);
      if (!hasInlineUnit && nextUnit && adjacent) {
        figures.push({
          text: `${word.text}${' '.repeat(next.start - word.end)}${next.text}`,
          start: word.start,
          end: next.end,
          key: figureKey(word.text, nextUnit),
        });
        index += 1;
      } else {
        figures.push({ text: word.text, start: word.start, end: word.end, key: figureKey(word.text, null) });
      }
      continue;
    }
    if (spelled && next && adjacent && (nextUnit === 'e6' || nextUnit === 'e9')) {
      figures.push({
        text: `${word.text} ${next.text}`,
        start: word.start,
        end: next.end,
        key: `${spelled} ${nextUnit}`,
      });
      index += 1;
    }
  }
  return figures;
}

function extractQuotes(text: string): TextSpan[] {
  const quotes: TextSpan[] = [];
  const stack: { close: string; start: number }[] = [];
  // Jump from quotation mark to quotation mark (or block break) instead of reading every character.
  QUOTE_MARKS.lastIndex = 0;
  for (const found of text.matchAll(QUOTE_MARKS)) {
    const mark = found[0];
    const index = found.index;
    if (mark === '\n\n') {
      // A quote never spans blocks; drop unbalanced openings at block ends.
      stack.length = 0;
      continue;
    }
    const close = OPENING_QUOTES.get(mark);
    if (close) {
      stack.push({ close, start: index + 1 });
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && mark === top.close) {
      stack.pop();
      // Quotes inside quotes belong to the outer one; only outermost quotes are facts.
      if (stack.length === 0) pushTrimmed(quotes, text, top.start, index);
    }
  }
  return quotes;
}

const QUOTE_MARKS = /[«»“”]|\n\n/g;

function pushTrimmed(quotes: TextSpan[], text: string, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] as string)) from += 1;
  while (to > from && /\s/u.test(text[to - 1] as string)) to -= 1;
  if (to > from) quotes.push({ text: text.slice(from, to), start: from, end: to });
}

/** `/^[\s\u00a0\u202f]$/u.test(gap)`: one white-space character (no-break ones are in `\s`). */
function isOneSpace(gap: string): boolean {
  return gap.length === 1 && ONE_SPACE.test(gap);
}

const ONE_SPACE = /^\s$/u;

function extractNames(
  text: string,
  words: readonly AnalyzedWord[],
  sentences: readonly AnalyzedSentence[],
): TextSpan[] {
  const sentenceStarts = new Set<number>();
  for (const sentence of sentences) {
    const first = words[sentence.wordStart];
    if (first) sentenceStarts.add(sentence.wordStart);
  }
  const names: TextSpan[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] as AnalyzedWord;
    if (word.kind !== 'word' || !hasUppercaseInitial(word.text)) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < words.length) {
      const next = words[end] as AnalyzedWord;
      const previous = words[end - 1] as AnalyzedWord;
      const gap = text.slice(previous.end, next.start);
      if (next.kind !== 'word' || !hasUppercaseInitial(next.text) || !isOneSpace(gap)) break;
      end += 1;
    }
    const first = words[index] as AnalyzedWord;
    const last = words[end - 1] as AnalyzedWord;
    const before = text.slice(Math.max(0, first.start - 3), first.start);
    // A block's first word (a heading has no sentences) opens a sentence too.
    const atSentenceStart =
      sentenceStarts.has(index) || first.start === 0 || before.endsWith('\n\n') || /[«“:]\s*$/u.test(before);
    const isSingleLowercaseWord = end - index === 1 && first.isFunctionWord;
    // A lone capitalised word opening a sentence is usually an ordinary word (« Pourtant »), unless it is an acronym.
    const isAcronym = end - index === 1 && first.text.length > 1 && first.text === first.text.toUpperCase();
    if (!isSingleLowercaseWord && (!atSentenceStart || end - index > 1 || isAcronym)) {
      names.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end });
    }
    index = end;
  }
  return names;
}
