import { isFunctionWord } from '../lang/fr/function-words.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { tokenizeWords, type WordToken } from '../lang/fr/tokenize-words.js';
import { findTransitionWords } from '../lang/fr/transition-words.js';
import { capitalizeFirst } from './build-title.js';

export interface HeadlineOptions {
  /** Longest headline in words (default: 10). */
  maxWords?: number;
  /** Shortest headline in words (default: 3). */
  minWords?: number;
}

/** Openers that tie a sentence to the previous one; a heading stands alone, so they go. */
const LEADING_CONNECTORS = new Set([
  'mais',
  'et',
  'or',
  'donc',
  'car',
  'puis',
  'alors',
  'ainsi',
  'pourtant',
  'cependant',
]);

/**
 * Where a sentence's main clause usually ends: a comma, a dash, a colon, or a
 * subordinating conjunction. Checked only after a few words, so that the
 * subject and verb stay together.
 */
const CLAUSE_BOUNDARIES =
  /\s*[,;:–—(]\s*|\s+(?:alors que|tandis que|parce que|car|mais|lorsque|quand|puisque|même si|si bien que|afin de|afin que|pour que|bien que|dont|où)\s+/giu;
const MIN_WORDS_BEFORE_BOUNDARY = 4;

/**
 * The main clause of a sentence, shortened to a heading of at most about ten
 * words, without final punctuation. Extractive: every word comes from the
 * sentence, in order. Returns null when no readable headline can be made
 * (a quotation, a fragment too short).
 */
export function headlineFromSentence(sentence: string, options: HeadlineOptions = {}): string | null {
  return extractHeadline(sentence, options)?.text ?? null;
}

export interface Headline {
  text: string;
  /** Cut at the word limit rather than at the end of a clause: reads less naturally. */
  truncated: boolean;
  /** Opens with a pronoun (« Il », « Cela »…) that points to an earlier sentence: unclear alone. */
  anaphoric: boolean;
}

/** Pronouns that only make sense with the previous sentence. */
const ANAPHORIC_STARTS = new Set([
  'il',
  'elle',
  'ils',
  'elles',
  'cela',
  'ceci',
  'ça',
  'ce',
  "c'",
  'ces',
  'certains',
  'certaines',
  'ceux',
  'celles',
  'celui',
  'celle',
  'eux',
  'on',
  'y',
  'en',
  'lui',
  'leur',
]);

/** Like `headlineFromSentence`, and says whether the clause had to be cut short. */
export function extractHeadline(sentence: string, options: HeadlineOptions = {}): Headline | null {
  const maxWords = options.maxWords ?? 10;
  const minWords = options.minWords ?? 3;
  let text = sentence.trim().replace(/[\s.!?…:;,]+$/u, '');
  // Quotations belong to their speaker; a heading made of one would put words in the author's mouth.
  if (/[«»“”"]/u.test(text)) return null;
  text = dropLeadingConnector(text);
  text = dropApposition(text);
  text = dropAdverbOpener(text);
  text = cutAtClauseBoundary(text);
  const tokens = tokenizeWords(text);
  // A clause a little over the limit is better whole than cut mid-phrase.
  const words = tokens.filter((token) => token.kind !== 'elision').length;
  const effectiveMax = words <= maxWords + 2 ? words : maxWords;
  const limit = effectiveMax + countElisions(tokens, effectiveMax);
  const truncated = tokens.length > limit;
  let end = Math.min(tokens.length, limit);
  // Never end on a function word, an elision or a lone number: « …pour les », « …d’ », « …100 ».
  while (end > 0 && !isGoodLastToken(tokens[end - 1] as WordToken)) end -= 1;
  const kept = tokens.slice(0, end).filter((token) => token.kind !== 'elision');
  if (kept.length < minWords) return null;
  const last = tokens[end - 1] as WordToken;
  const headline = text.slice(0, last.end).replace(/[\s,;:–—(]+$/u, '');
  const firstToken = tokens[0] as WordToken;
  return {
    text: capitalizeFirst(headline),
    truncated: truncated || end < tokens.length,
    anaphoric: ANAPHORIC_STARTS.has(normalizeWord(firstToken.text)),
  };
}

/**
 * « Mustafa Suleyman, cofondateur de DeepMind, a quitté… » -> « Mustafa Suleyman a quitté… »:
 * an apposition between commas right after a short subject would otherwise end the clause.
 */
const APPOSITION = /^([^,]{2,60}?),\s+([^,]{2,80}?),\s+(?=\p{Ll})/u;

function dropApposition(text: string): string {
  const match = APPOSITION.exec(text);
  if (!match) return text;
  const subjectWords = (match[1] as string).trim().split(/\s+/u).length;
  if (subjectWords > 4) return text;
  return `${(match[1] as string).trim()} ${text.slice(match[0].length)}`;
}

function dropLeadingConnector(text: string): string {
  let result = text;
  const words = result.split(/\s+/u);
  const firstWord = normalizeWord(words[0] ?? '').replace(/,$/u, '');
  const secondWord = normalizeWord(words[1] ?? '');
  // « Alors que… » opens a subordinate clause: « alors » goes with « que », not alone.
  if (LEADING_CONNECTORS.has(firstWord) && !(secondWord === 'que' || secondWord === "qu'")) {
    result = result.replace(/^\S+,?\s+/u, '');
  }
  const comma = result.indexOf(',');
  if (comma > 0) {
    const opener = result.slice(0, comma);
    const openerWords = opener.split(/\s+/u);
    const first = normalizeWord(openerWords[0] ?? '');
    const second = normalizeWord(openerWords[1] ?? '');
    // « Pourtant, », « Selon Libre, », « Après la brève éviction de…, », « Lorsque…, »: an adverbial
    // or subordinate clause before the comma; the main clause follows it.
    const isAdverbial =
      (openerWords.length <= 4 && findTransitionWords(opener).length > 0) ||
      (openerWords.length <= 12 && ADVERBIAL_OPENERS.has(first)) ||
      (openerWords.length <= 16 && isSubordinateOpener(first, second)) ||
      (openerWords.length <= 4 && TIME_WORDS.test(opener));
    if (isAdverbial) result = result.slice(comma + 1).trim();
  }
  return result;
}

/** Subordinating conjunctions that open a sentence: « Lorsque », « Si », « Bien que », « Une fois que »… */
const SUBORDINATE_OPENERS = new Set([
  'lorsque',
  "lorsqu'",
  'quand',
  'si',
  "s'",
  'puisque',
  "puisqu'",
  'comme',
  'quoique',
]);
const SUBORDINATE_PAIRS = new Set([
  'alors que',
  'bien que',
  'tandis que',
  'même si',
  'dès que',
  'parce que',
  'avant que',
  'pour que',
  'afin que',
  'sans que',
  'fois que',
]);

function isSubordinateOpener(first: string, second: string): boolean {
  return (
    SUBORDINATE_OPENERS.has(first) ||
    SUBORDINATE_PAIRS.has(`${first} ${second}`) ||
    (first === 'une' && second === 'fois')
  );
}

/** « Généralement, les entreprises… »: a lone adverb in -ment before the comma (after appositions are handled). */
function dropAdverbOpener(text: string): string {
  const match = /^(\p{L}+ment),\s+(?=\p{Ll})/u.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** Prepositions and adverbs that open an adverbial phrase, not a subject. */
const ADVERBIAL_OPENERS = new Set([
  'après',
  'avant',
  'selon',
  'pour',
  'depuis',
  'dans',
  'en',
  'lors',
  'pendant',
  'face',
  'malgré',
  'outre',
  'sans',
  'avec',
  'chez',
  'dès',
  'sur',
  'sous',
  'par',
  'à',
  'au',
  'aux',
  "aujourd'hui",
  'hier',
  'demain',
  'désormais',
]);
/** « La semaine dernière, », « Une semaine auparavant, »: time phrases that look like subjects. */
const TIME_WORDS =
  /\b(?:semaine|mois|année|an|jour|soir|matin|trimestre|dernière?|auparavant|prochaine?|plus tard|\d{4})\b/iu;

function cutAtClauseBoundary(text: string): string {
  CLAUSE_BOUNDARIES.lastIndex = 0;
  for (const match of text.matchAll(CLAUSE_BOUNDARIES)) {
    const before = text.slice(0, match.index);
    const words = tokenizeWords(before).filter((token) => token.kind !== 'elision').length;
    if (words >= MIN_WORDS_BEFORE_BOUNDARY) return before;
  }
  return text;
}

function countElisions(tokens: readonly WordToken[], limit: number): number {
  let elisions = 0;
  let words = 0;
  for (const token of tokens) {
    if (token.kind === 'elision') elisions += 1;
    else words += 1;
    if (words >= limit) break;
  }
  return elisions;
}

function isGoodLastToken(token: WordToken): boolean {
  if (token.kind !== 'word') return false;
  return !isFunctionWord(normalizeWord(token.text));
}
