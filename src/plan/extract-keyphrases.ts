import type { Analysis, AnalyzedWord } from '../analyze/analysis.js';
import { hasLowercaseLetter, hasUppercaseInitial, isUppercaseWord } from '../character-class.js';
import type { Lexicon } from '../lang/fr/lexicon.js';
import { stem } from '../lang/fr/stem.js';
import { isStopword } from '../lang/fr/stopwords.js';
import { tokenizeWords } from '../lang/fr/tokenize-words.js';
import { CounterTable } from './counter-table.js';
import { isEvaluativeAdjective } from './generic-adjectives.js';
import { isKeyphraseNoun, isNounPhraseShape } from './keyphrase-shape.js';

/**
 * Keyphrase extraction for French articles, in the manner of YAKE (Campos et al., « YAKE! Keyword
 * extraction from single documents using multiple local features », Information Sciences, 2020),
 * written from the paper's description on our own tokens, by stem (« talent » and « talents » are one
 * term), then adjusted with SEO preferences (multi-word phrases, lead, headings). Pure: no I/O.
 */

export interface KeyphraseCandidate {
  /** The most frequent surface form in the text (« talents en IA »); ties go to the first seen. */
  phrase: string;
  /** Stems of its content words, in order (« talent », « ia »). */
  stems: string[];
  /** Word count, elisions excluded (« responsable de l’IA » has 3 words). */
  words: number;
  /** How many times the phrase (any of its word forms) occurs in the text. */
  occurrences: number;
  /**
   * Higher is better: the inverse of the adjusted YAKE score (YAKE scores are lower-is-better).
   * Only meaningful to compare candidates of the same text.
   */
  score: number;
}

export interface ExtractKeyphrasesOptions {
  /** Maximum candidates returned (default 10). */
  limit?: number;
  /** Longest phrase in words, elisions excluded (default 4). */
  maxWords?: number;
  /**
   * Parts of speech (default none). With it, a candidate must read as a noun phrase (« sommeil des
   * adolescents », not « vivre mieux » or « mot de passe dépend »), a single word must be a noun or a
   * name, and a 2–4-word noun phrase is preferred over a single word (`nounPhraseFactor`).
   */
  lexicon?: Lexicon;
}

/** Tuning of the extraction: YAKE's own constants, then our SEO preferences. */
export const KEYPHRASE_EXTRACTION = Object.freeze({
  /** Default of `ExtractKeyphrasesOptions.limit`. */
  defaultLimit: 10,
  /** Default of `ExtractKeyphrasesOptions.maxWords`. */
  defaultMaxWords: 4,
  /** YAKE's co-occurrence window: a word is related to the 2 words before it. */
  window: 2,
  /** Content words are at least this long (« IA » is one, « a » or « l » are not). */
  minWordLength: 2,
  /** Below this many words the text is tiny and phrases seen once are kept. */
  tinyTextWords: 50,
  /** Elsewhere a phrase must occur at least this many times. */
  minOccurrences: 2,
  /** Multiplier of the YAKE score (lower is better) of a 2–4-word phrase: the usual shape of a keyphrase. */
  multiWordFactor: 0.3,
  /** Multiplier when the phrase occurs in the lead (blocks up to the introduction). */
  leadFactor: 0.6,
  /**
   * Multiplier when the phrase occurs in a heading or a heading-like line. Once, however many headings
   * hold it: a word in every heading is not more of a keyphrase than a phrase in the title.
   */
  headingFactor: 0.6,
  /** Multiplier when every content word of the phrase is in the title or H1. */
  titleFactor: 0.3,
  /** Multiplier for a capitalised name (person, organisation) absent from the title: a source, not a topic. */
  nameFactor: 6,
  /**
   * A phrase nested in another (« IA » inside « talents en IA ») is kept only when it occurs on its own
   * at least this share of the longer one's occurrences, and at least as often as any candidate must
   * occur (`minOccurrences`, or once in a tiny text).
   */
  standaloneShare: 0.5,
  /**
   * A nested multi-word phrase at least this many times as frequent as the longer phrase around it is
   * its head phrase (« pain au levain » for « pain au levain maison ») and ranks at least as well.
   */
  headPhraseRatio: 2,
  /**
   * Multiplier of a 2–4-word phrase the lexicon reads as a noun phrase: what a reader types into a search
   * engine (« sommeil des adolescents ») rather than one generic word (« sommeil »).
   */
  nounPhraseFactor: 0.3,
  /**
   * Multiplier of a noun phrase of the title or the lead seen only once (kept with a lexicon only): it wins
   * only over single words (« masques à particules fines » over « travail »), not over a repeated phrase.
   */
  singleOccurrenceFactor: 4,
  /** Multiplier of a noun phrase (lexicon) made of the title's words: the title's own topic, « SAV de Truffaut ». */
  titlePhraseFactor: 0.3,
  /**
   * Multiplier of a phrase ending on a word that may be a past participle: often the predicate of a title
   * (« Les transferts de gros fichiers simplifiés » is about « transferts de gros fichiers »).
   */
  participleEndFactor: 2,
  /**
   * Multiplier of a two-word phrase whose other word is an evaluative adjective (« bon sens », « nouveau
   * plugin », « vrai problème »): an idiom or a phrase that qualifies anything, not what a reader searches
   * for; as heavy as a name's (`nameFactor`), so a repeated term of the subject (« biais cognitifs ») wins.
   */
  evaluativeAdjectiveFactor: 6,
});

/** Secondary keywords: how many, at least and at most. */
const SECONDARY_KEYWORDS = Object.freeze({ default: 5, min: 3, max: 6 });

/**
 * Ranks the keyphrases of an analysed article, best first.
 *
 * Per content word (not a stopword, elision or number, at least 2 characters), by stem, YAKE's
 * features: casing (share of occurrences capitalised mid-sentence, or acronyms), position (median
 * sentence), frequency normalised by mean + standard deviation, relatedness to context (distinct left and
 * right neighbours over co-occurrences within 2 words) and spread over sentences, combined into
 * S(w) = Rel × Pos / (Case + Freq / Rel + Spread / Rel), lower is more important.
 *
 * Candidates are runs of 1 to `maxWords` words inside one sentence or heading, not crossing punctuation
 * or numbers, starting and ending with a content word (function words may sit inside: « talents en IA »,
 * « chefs de produit »). Variants with the same content stems in the same order are one candidate. Its
 * YAKE score is Π S(w) / (TF × (1 + Σ S(w))) over its content words, each inner function word
 * multiplying the product by 2 − P, P being how strongly it binds its two neighbours (YAKE's treatment,
 * without its subtraction from the sum, which can turn the score negative).
 *
 * Then our preferences, as multipliers of that score (see `KEYPHRASE_EXTRACTION`): a bonus for 2–4-word
 * phrases, one for phrases in the lead (the introduction and the blocks before it, a summary list for
 * instance) and one for phrases in a heading or heading-like line. Phrases seen once are dropped unless
 * the text is tiny; nested phrases are resolved as `resolveNesting` says. The returned `score` is
 * 1 / the adjusted score: higher is better.
 */
export function extractKeyphrases(
  analysis: Analysis,
  options: ExtractKeyphrasesOptions = {},
): KeyphraseCandidate[] {
  const limit = Math.max(0, Math.floor(options.limit ?? KEYPHRASE_EXTRACTION.defaultLimit));
  const maxWords = Math.max(1, Math.floor(options.maxWords ?? KEYPHRASE_EXTRACTION.defaultMaxWords));
  if (limit === 0 || analysis.words.length === 0) return [];

  const segments = collectSegments(analysis);
  const tokens = classifyTokens(analysis, segments);
  const terms = scoreTerms(analysis, segments, tokens);
  const groups = collectCandidates(analysis, segments, tokens, maxWords);
  if (groups.length === 0) return [];

  const wordCount = analysis.words.reduce((sum, word) => sum + (word.kind === 'elision' ? 0 : 1), 0);
  const minOccurrences =
    wordCount < KEYPHRASE_EXTRACTION.tinyTextWords ? 1 : KEYPHRASE_EXTRACTION.minOccurrences;

  const titleStems = titleStemsOf(analysis);
  const merged = mergeByContentStems(groups, { words: analysis.words, tokens, terms, titleStems });
  // The lexicon is French: on a text reliably in another language it would read « con las » as French.
  const lexicon =
    analysis.language.reliable && analysis.language.language !== 'fr' ? undefined : options.lexicon;
  // The shape (parts of speech of every word) is the costly test: it runs last, on the few candidates
  // the cheap tests keep, not on every n-gram of the text.
  const hasShape = (candidate: MergedCandidate) =>
    lexicon === undefined || hasKeyphraseShape(analysis, candidate, lexicon, tokens);
  const repeated = merged.filter(
    (candidate) => candidate.occurrences.length >= minOccurrences && hasShape(candidate),
  );
  // With a lexicon, noun phrases seen once may still name the topic: those made of the title's words
  // (« SAV de Truffaut »), and, when no noun phrase is repeated, those of the opening sentences that
  // name no one (« masques à particules fines » rather than « travail »).
  const openingEnd = openingWordEnd(analysis, segments);
  const noRepeatedPhrase = !repeated.some((candidate) => candidate.words >= 2);
  const eligible =
    lexicon === undefined
      ? repeated
      : [
          ...repeated,
          ...merged.filter(
            (candidate) =>
              candidate.occurrences.length < minOccurrences &&
              candidate.words >= 2 &&
              ((candidate.words >= 3 && candidate.inTitle) ||
                isAboutTitleName(analysis, candidate, titleStems) ||
                (noRepeatedPhrase &&
                  !namesSomeone(analysis, candidate, tokens) &&
                  (candidate.occurrences[0] as Occurrence).end <= openingEnd)) &&
              hasShape(candidate),
          ),
        ];
  const ranked: Ranked[] = eligible
    .map((candidate) => ({
      candidate,
      adjusted:
        adjustedScore(candidate) *
        // Names are sources, not topics, unless the title names them (« SAV de Truffaut »).
        (lexicon && candidate.words >= 2 && (candidate.inTitle || !isMostlyCapitalised(candidate))
          ? KEYPHRASE_EXTRACTION.nounPhraseFactor
          : 1) *
        (lexicon && candidate.words >= 2 && candidate.inTitle ? KEYPHRASE_EXTRACTION.titlePhraseFactor : 1) *
        (candidate.occurrences.length < minOccurrences ? KEYPHRASE_EXTRACTION.singleOccurrenceFactor : 1) *
        (lexicon && candidate.words >= 2 && endsOnParticiple(analysis, candidate, lexicon)
          ? KEYPHRASE_EXTRACTION.participleEndFactor
          : 1) *
        (lexicon && candidate.words === 2 && hasEvaluativeAdjective(analysis, candidate)
          ? KEYPHRASE_EXTRACTION.evaluativeAdjectiveFactor
          : 1),
      dropped: false,
    }))
    .sort(byRank);
  resolveNesting(ranked, minOccurrences);
  ranked.sort(byRank);
  const kept = ranked.filter((entry) => !entry.dropped).slice(0, limit);

  const openingWords = openingWordsOf(analysis);
  return kept.map(({ candidate, adjusted }) => ({
    phrase: surfaceForm(analysis, candidate, tokens, terms, openingWords),
    stems: candidate.stems,
    words: candidate.words,
    occurrences: candidate.occurrences.length,
    score: adjusted > 0 ? 1 / adjusted : Number.MAX_VALUE,
  }));
}

/**
 * Secondary keywords for a focus keyphrase: the next best candidates (3 to 6, default 5), leaving out
 * the focus, any phrase whose stems are a subset or superset of the focus's (« IA », « talents en IA
 * générative »), and near-duplicates of a phrase already picked (one's stems a subset of the other's).
 * Near-duplicates come back only when fewer than 3 phrases would remain otherwise.
 */
export function pickSecondaryKeywords(
  candidates: readonly KeyphraseCandidate[],
  focus: KeyphraseCandidate,
  count: number = SECONDARY_KEYWORDS.default,
): string[] {
  const wanted = Math.min(
    SECONDARY_KEYWORDS.max,
    Math.max(SECONDARY_KEYWORDS.min, Math.round(Number.isFinite(count) ? count : SECONDARY_KEYWORDS.default)),
  );
  const focusStems = new Set(focus.stems);
  const eligible = candidates.filter((candidate) => !isNested(new Set(candidate.stems), focusStems));
  const picked: KeyphraseCandidate[] = [];
  const skipped: KeyphraseCandidate[] = [];
  for (const candidate of eligible) {
    if (picked.length >= wanted) break;
    const stems = new Set(candidate.stems);
    if (picked.some((other) => isNested(stems, new Set(other.stems)))) skipped.push(candidate);
    else picked.push(candidate);
  }
  for (const candidate of skipped) {
    if (picked.length >= SECONDARY_KEYWORDS.min) break;
    picked.push(candidate);
  }
  // Keep the candidates' order even when near-duplicates were added back.
  return eligible.filter((candidate) => picked.includes(candidate)).map((candidate) => candidate.phrase);
}

/** Whether one non-empty set of stems contains the other (equal sets included). */
function isNested(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  if (small.size === 0) return false;
  for (const stem of small) if (!large.has(stem)) return false;
  return true;
}

/** A sentence, or a heading (headings have no sentences in the analysis). */
interface Segment {
  wordStart: number;
  wordEnd: number;
  blockIndex: number;
}

/** Sentences and headings in reading order. */
function collectSegments(analysis: Analysis): Segment[] {
  const { words, blocks, sentences } = analysis;
  const segments: Segment[] = [];
  let cursor = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      while (cursor < words.length && (words[cursor] as AnalyzedWord).start < block.start) cursor += 1;
      const wordStart = cursor;
      while (cursor < words.length && (words[cursor] as AnalyzedWord).end <= block.end) cursor += 1;
      if (cursor > wordStart) segments.push({ wordStart, wordEnd: cursor, blockIndex: block.index });
      continue;
    }
    for (let index = block.sentenceStart; index < block.sentenceEnd; index += 1) {
      const sentence = sentences[index];
      if (!sentence || sentence.wordEnd <= sentence.wordStart) continue;
      segments.push({ wordStart: sentence.wordStart, wordEnd: sentence.wordEnd, blockIndex: block.index });
      cursor = Math.max(cursor, sentence.wordEnd);
    }
  }
  return segments;
}

const STEM_SEPARATOR = '\u0001';

const CONTENT = 0;
const STOP = 1;
const ELISION = 2;
const NUMBER = 3;

/** Per word: its role, its term id, and whether punctuation separates it from the previous word. */
interface Tokens {
  role: Uint8Array;
  term: Int32Array;
  /** Punctuation (or a segment start) before the word: no phrase and no co-occurrence crosses it. */
  breakBefore: Uint8Array;
  /** The word opens its sentence (or a quotation): its capital says nothing. */
  sentenceStart: Uint8Array;
  termKeys: string[];
  termIsContent: boolean[];
  /** Every word's stem as a small integer (reading order): terms and the candidates' trie are keyed by it. */
  stemId: Int32Array;
  stemCount: number;
}

/** Only spaces may separate the words of a phrase; an elision is glued to the next word. */
const SPACES_ONLY = /^[\s\u00a0\u202f]*$/u;
/** Openers after which a capital is the start of quoted speech. */
const SPEECH_OPENERS = /[«“"—.!?…]/u;

function classifyTokens(analysis: Analysis, segments: readonly Segment[]): Tokens {
  const { words, text } = analysis;
  const role = new Uint8Array(words.length).fill(NUMBER);
  const term = new Int32Array(words.length).fill(-1);
  const breakBefore = new Uint8Array(words.length).fill(1);
  const sentenceStart = new Uint8Array(words.length);
  const stemIds = new Map<string, number>();
  const stemId = new Int32Array(words.length);
  for (let index = 0; index < words.length; index += 1) {
    const value = (words[index] as AnalyzedWord).stem;
    let id = stemIds.get(value);
    if (id === undefined) {
      id = stemIds.size;
      stemIds.set(value, id);
    }
    stemId[index] = id;
  }
  const stemCount = stemIds.size;
  // Term id per stem id, content words (odd slots) and other words (even slots) apart; -1 until seen.
  const termOfStem = new Int32Array(2 * stemCount).fill(-1);
  const termKeys: string[] = [];
  const termIsContent: boolean[] = [];

  for (const segment of segments) {
    let expectStart = true;
    for (let index = segment.wordStart; index < segment.wordEnd; index += 1) {
      const word = words[index] as AnalyzedWord;
      if (index > segment.wordStart) {
        const previousEnd = (words[index - 1] as AnalyzedWord).end;
        // One plain space, the usual gap, needs no regular expression.
        if (word.start === previousEnd + 1 && text.charCodeAt(previousEnd) === SPACE) breakBefore[index] = 0;
        else {
          const gap = text.slice(previousEnd, word.start);
          if (SPACES_ONLY.test(gap)) breakBefore[index] = 0;
          else if (SPEECH_OPENERS.test(gap)) expectStart = true;
        }
      }
      const wordRole = roleOf(word);
      role[index] = wordRole;
      if (wordRole === NUMBER) continue;
      if (expectStart && wordRole !== ELISION) {
        sentenceStart[index] = 1;
        expectStart = false;
      }
      // Content and other words live apart: a stopword never shares statistics with a content stem.
      const slot = 2 * (stemId[index] as number) + (wordRole === CONTENT ? 1 : 0);
      let id = termOfStem[slot] as number;
      if (id === -1) {
        id = termKeys.length;
        termOfStem[slot] = id;
        termKeys.push(word.stem);
        termIsContent.push(wordRole === CONTENT);
      }
      term[index] = id;
    }
  }
  return { role, term, breakBefore, sentenceStart, termKeys, termIsContent, stemId, stemCount };
}

const SPACE = 32;

/**
 * Verbs that attribute speech (« déclare Libre », « affirme le recruteur »): they glue a name to the
 * text around a quote, never to a topic, so they break a phrase like a number does.
 */
const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'déclare',
  'déclaré',
  'déclarent',
  'affirme',
  'affirmé',
  'affirment',
  'dit',
  'disent',
  'explique',
  'expliqué',
  'expliquent',
  'ajoute',
  'ajouté',
  'estime',
  'estimé',
  'estiment',
  'souligne',
  'souligné',
  'précise',
  'précisé',
  'indique',
  'indiqué',
  'raconte',
  'raconté',
  'confie',
  'confié',
  'assure',
  'assuré',
  'rappelle',
  'rappelé',
  'reconnaît',
  'reconnaissent',
  'poursuit',
  'conclut',
  'résume',
  'résumé',
  'note',
  'noté',
  'observe',
  'observé',
  'prévient',
  'insiste',
  'martèle',
  'admet',
  'avance',
  'selon',
]);

/**
 * The offline writer cannot translate, but it still picks a keyphrase for an English source: these
 * English grammatical words must never be one (« the », « and »). Not French data, so kept short and here.
 */
const FOREIGN_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'is',
  'for',
  'on',
  'that',
  'with',
  'as',
  'at',
  'by',
  'it',
  'be',
  'was',
  'are',
  'from',
  'this',
  'have',
  'has',
  'an',
  'or',
  'not',
  'but',
  'they',
  'their',
  'its',
  'said',
  'will',
  'would',
  'which',
  'who',
  'were',
  'been',
  'had',
  'more',
  'than',
  'also',
  'we',
  'our',
  'he',
  'she',
  'his',
  'her',
  'them',
  'there',
  'these',
  'those',
  'into',
  'about',
  'after',
  'over',
  'what',
  'when',
  'can',
  'could',
  'should',
  'some',
  'all',
  'one',
  'two',
  'new',
  'says',
]);

function roleOf(word: AnalyzedWord): number {
  if (word.kind === 'number' || REPORTING_VERBS.has(word.normalized)) return NUMBER;
  if (FOREIGN_FUNCTION_WORDS.has(word.normalized)) return STOP;
  if (word.kind === 'elision') return ELISION;
  if (word.isFunctionWord || isStopword(word.normalized)) return STOP;
  if (word.normalized.length < KEYPHRASE_EXTRACTION.minWordLength) return STOP;
  return CONTENT;
}

/** YAKE statistics per term; `importance` is S(w), lower is more important (stopwords included). */
interface TermStatistics {
  frequency: Float64Array;
  importance: Float64Array;
  /** Occurrences not opening a sentence, and how many of them start with a capital. */
  midSentence: Float64Array;
  capitalised: Float64Array;
  /** Co-occurrence counts within the window, keyed `left * termCount + right` (0 when never). */
  cooccurrence: CounterTable;
  termCount: number;
}

function scoreTerms(analysis: Analysis, segments: readonly Segment[], tokens: Tokens): TermStatistics {
  const { words } = analysis;
  const termCount = tokens.termKeys.length;
  const frequency = new Float64Array(termCount);
  const upper = new Float64Array(termCount);
  const acronym = new Float64Array(termCount);
  const midSentence = new Float64Array(termCount);
  const leftDistinct = new Float64Array(termCount);
  const leftTotal = new Float64Array(termCount);
  const rightDistinct = new Float64Array(termCount);
  const rightTotal = new Float64Array(termCount);
  const sentenceCount = new Float64Array(termCount);
  const lastSentence = new Int32Array(termCount).fill(-1);
  // Sized for one pair per word; it grows when the text has more.
  const cooccurrence = new CounterTable(words.length);
  const window = KEYPHRASE_EXTRACTION.window;

  for (const [segmentIndex, segment] of segments.entries()) {
    // Terms of the current punctuation-free chunk, most recent last.
    const recent: number[] = [];
    for (let index = segment.wordStart; index < segment.wordEnd; index += 1) {
      const id = tokens.term[index] as number;
      if (id < 0 || tokens.breakBefore[index] === 1) recent.length = 0;
      if (id < 0) continue;
      const word = words[index] as AnalyzedWord;
      frequency[id] = (frequency[id] as number) + 1;
      if (lastSentence[id] !== segmentIndex) {
        lastSentence[id] = segmentIndex;
        sentenceCount[id] = (sentenceCount[id] as number) + 1;
      }
      if (tokens.sentenceStart[index] === 0) {
        midSentence[id] = (midSentence[id] as number) + 1;
        if (hasUppercaseInitial(word.text)) upper[id] = (upper[id] as number) + 1;
      }
      if (isUppercaseWord(word.text)) acronym[id] = (acronym[id] as number) + 1;
      const from = Math.max(0, recent.length - window);
      for (let position = from; position < recent.length; position += 1) {
        const left = recent[position] as number;
        const key = left * termCount + id;
        const seen = cooccurrence.get(key);
        cooccurrence.set(key, seen + 1);
        if (seen === 0) {
          rightDistinct[left] = (rightDistinct[left] as number) + 1;
          leftDistinct[id] = (leftDistinct[id] as number) + 1;
        }
        rightTotal[left] = (rightTotal[left] as number) + 1;
        leftTotal[id] = (leftTotal[id] as number) + 1;
      }
      recent.push(id);
    }
  }

  const medianSentence = medianSentences(segments, tokens, sentenceCount);

  // Frequency is normalised over content terms (YAKE's « valid » terms); relatedness over all terms.
  let contentTerms = 0;
  let sum = 0;
  let sumOfSquares = 0;
  let maxFrequency = 0;
  for (let id = 0; id < termCount; id += 1) {
    const tf = frequency[id] as number;
    maxFrequency = Math.max(maxFrequency, tf);
    if (!tokens.termIsContent[id]) continue;
    contentTerms += 1;
    sum += tf;
    sumOfSquares += tf * tf;
  }
  const mean = contentTerms > 0 ? sum / contentTerms : 1;
  const deviation = contentTerms > 0 ? Math.sqrt(Math.max(0, sumOfSquares / contentTerms - mean * mean)) : 0;
  const totalSentences = Math.max(1, segments.length);

  const importance = new Float64Array(termCount);
  for (let id = 0; id < termCount; id += 1) {
    const tf = frequency[id] as number;
    if (tf === 0) continue;
    const casing = Math.max(upper[id] as number, acronym[id] as number) / (1 + Math.log(tf));
    const position = Math.log(Math.log(3 + (medianSentence[id] as number)));
    const normalisedFrequency = tf / (mean + deviation);
    const left = (leftTotal[id] as number) > 0 ? (leftDistinct[id] as number) / (leftTotal[id] as number) : 0;
    const right =
      (rightTotal[id] as number) > 0 ? (rightDistinct[id] as number) / (rightTotal[id] as number) : 0;
    const relatedness = 1 + (left + right) * (tf / maxFrequency);
    const spread = (sentenceCount[id] as number) / totalSentences;
    importance[id] =
      (relatedness * position) / (casing + normalisedFrequency / relatedness + spread / relatedness);
  }
  return { frequency, importance, midSentence, capitalised: upper, cooccurrence, termCount };
}

/**
 * Per term, the median of the indices of the sentences it occurs in (each sentence once): a second pass
 * over the text picks the middle one or two as they come (sentences are visited in order), instead of a
 * list of sentences kept for every term.
 */
function medianSentences(
  segments: readonly Segment[],
  tokens: Tokens,
  sentenceCount: Float64Array,
): Float64Array {
  const termCount = sentenceCount.length;
  const seen = new Int32Array(termCount);
  const lastSentence = new Int32Array(termCount).fill(-1);
  const below = new Float64Array(termCount);
  const medians = new Float64Array(termCount);
  for (const [segmentIndex, segment] of segments.entries()) {
    for (let index = segment.wordStart; index < segment.wordEnd; index += 1) {
      const id = tokens.term[index] as number;
      if (id < 0 || lastSentence[id] === segmentIndex) continue;
      lastSentence[id] = segmentIndex;
      const position = seen[id] as number;
      seen[id] = position + 1;
      const count = sentenceCount[id] as number;
      const middle = count >> 1;
      if (count % 2 === 1) {
        if (position === middle) medians[id] = segmentIndex;
      } else if (position === middle - 1) below[id] = segmentIndex;
      else if (position === middle) medians[id] = ((below[id] as number) + segmentIndex) / 2;
    }
  }
  return medians;
}

interface Occurrence {
  /** Word range of the occurrence in `Analysis.words`. */
  start: number;
  end: number;
}

/** One word sequence (by stem, function words included): « talents en IA » and « talent en IA ». */
interface CandidateGroup {
  /** The node of its content stems, in order, in the trie of content stems: the key of its merged candidate. */
  contentNode: number;
  words: number;
  /** Word ranges, the first one first (its terms score the sequence). */
  occurrences: Occurrence[];
  inLead: boolean;
  inHeading: boolean;
  /** Occurrences whose content words are all capitalised: a name (« Karim Benali »), not a topic. */
  capitalised: number;
}

function collectCandidates(
  analysis: Analysis,
  segments: readonly Segment[],
  tokens: Tokens,
  maxWords: number,
): CandidateGroup[] {
  const { words } = analysis;
  const leadEnd = leadEndOf(analysis);
  const headingBlocks = new Set(analysis.headingLikeLines.map((line) => line.blockIndex));
  for (const block of analysis.blocks) if (block.kind === 'heading') headingBlocks.add(block.index);
  // A word sequence is known by its stems, function words included: each sequence is a node of a trie
  // over stem ids, so extending a run by one word is one lookup (not a string built and hashed per run).
  // Its content stems alone are a node of a second trie: the key under which variants merge.
  const { stemId, stemCount } = tokens;
  const capitalised = new Uint8Array(words.length);
  for (let index = 0; index < words.length; index += 1)
    if (tokens.role[index] === CONTENT && hasUppercaseInitial((words[index] as AnalyzedWord).text))
      capitalised[index] = 1;
  // Sized for one node per word; they grow when the text has more.
  const children = new CounterTable(words.length);
  const contentChildren = new CounterTable(words.length);
  // Groups in the order they appear, and each trie node's (node ids are small and dense: an array, not a Map).
  const groups: CandidateGroup[] = [];
  const groupOfNode: (CandidateGroup | undefined)[] = [];

  for (const segment of segments) {
    const block = analysis.blocks[segment.blockIndex];
    const inLead = block !== undefined && block.kind !== 'heading' && block.index <= leadEnd;
    const inHeading = headingBlocks.has(segment.blockIndex);
    for (let start = segment.wordStart; start < segment.wordEnd; start += 1) {
      if (tokens.role[start] !== CONTENT) continue;
      // The roots are node 0; other nodes are numbered from 1 as they appear.
      let node = 0;
      let contentNode = 0;
      let wordCount = 0;
      let allCapitalised = true;
      for (let end = start; end < segment.wordEnd; end += 1) {
        const role = tokens.role[end];
        if (role === NUMBER || (end > start && tokens.breakBefore[end] === 1)) break;
        if (role !== ELISION) wordCount += 1;
        if (wordCount > maxWords) break;
        const edge = node * stemCount + (stemId[end] as number);
        // Nodes are numbered from 1: 0 is « no child yet ».
        let child = children.get(edge);
        if (child === 0) {
          child = children.size + 1;
          children.set(edge, child);
        }
        node = child;
        if (role !== CONTENT) continue;
        const contentEdge = contentNode * stemCount + (stemId[end] as number);
        let contentChild = contentChildren.get(contentEdge);
        if (contentChild === 0) {
          contentChild = contentChildren.size + 1;
          contentChildren.set(contentEdge, contentChild);
        }
        contentNode = contentChild;
        if (capitalised[end] === 0) allCapitalised = false;
        let group = groupOfNode[node];
        if (group === undefined) {
          group = {
            contentNode,
            words: wordCount,
            occurrences: [],
            inLead: false,
            inHeading: false,
            capitalised: 0,
          };
          groupOfNode[node] = group;
          groups.push(group);
        }
        group.occurrences.push({ start, end: end + 1 });
        if (allCapitalised) group.capitalised += 1;
        if (inLead) group.inLead = true;
        if (inHeading) group.inHeading = true;
      }
    }
  }
  return groups;
}

/**
 * Last block of the lead: the introduction, the blocks before it included. Without an introduction,
 * whatever precedes the first subheading; without either, no lead (it would be the whole text).
 */
function leadEndOf(analysis: Analysis): number {
  if (analysis.introductionBlock !== null) return analysis.introductionBlock;
  const firstSubheading = analysis.blocks.find((block) => block.kind === 'heading' && block.depth >= 2);
  return firstSubheading === undefined ? -1 : firstSubheading.index - 1;
}

/** What a merged candidate reads its lazy fields from. */
interface MergeContext {
  words: readonly AnalyzedWord[];
  tokens: Tokens;
  terms: TermStatistics;
  titleStems: ReadonlySet<string>;
}

/**
 * Groups with the same content stems, in order (« talents en IA », « talents d’IA »), as one. Most
 * candidates of a text occur once and are never ranked: their stems, title test and YAKE score are
 * computed when first asked, not for every n-gram.
 */
class MergedCandidate {
  readonly groups: CandidateGroup[];
  words: number;
  occurrences: Occurrence[];
  inLead: boolean;
  inHeading: boolean;
  capitalised: number;
  readonly #context: MergeContext;
  #stems: string[] | undefined;
  #inTitle: boolean | undefined;
  #yake: number | undefined;

  constructor(first: CandidateGroup, context: MergeContext) {
    this.groups = [first];
    this.words = first.words;
    this.occurrences = first.occurrences;
    this.inLead = first.inLead;
    this.inHeading = first.inHeading;
    this.capitalised = first.capitalised;
    this.#context = context;
  }

  /** Stems of its content words, in order. */
  get stems(): string[] {
    if (this.#stems === undefined) {
      const { start, end } = this.occurrences[0] as Occurrence;
      const stems: string[] = [];
      for (let index = start; index < end; index += 1)
        if (this.#context.tokens.role[index] === CONTENT)
          stems.push((this.#context.words[index] as AnalyzedWord).stem);
      this.#stems = stems;
    }
    return this.#stems;
  }

  /** Every content word is in the title or the H1: the author's own statement of the topic. */
  get inTitle(): boolean {
    if (this.#inTitle === undefined) {
      const titleStems = this.#context.titleStems;
      this.#inTitle = this.stems.length > 0 && this.stems.every((value) => titleStems.has(value));
    }
    return this.#inTitle;
  }

  /** YAKE score, lower is better: the best-bound variant carries the term part; the frequency is that of all variants. */
  get yake(): number {
    if (this.#yake === undefined) {
      let termPart = Number.POSITIVE_INFINITY;
      for (const group of this.groups)
        termPart = Math.min(termPart, termScore(group.occurrences[0] as Occurrence, this.#context));
      this.#yake = termPart / this.occurrences.length;
    }
    return this.#yake;
  }
}

function mergeByContentStems(groups: readonly CandidateGroup[], context: MergeContext): MergedCandidate[] {
  // By content node: small dense ids, an array rather than a Map.
  const byContent: (MergedCandidate | undefined)[] = [];
  const merged: MergedCandidate[] = [];
  for (const group of groups) {
    const candidate = byContent[group.contentNode];
    if (candidate === undefined) {
      const created = new MergedCandidate(group, context);
      byContent[group.contentNode] = created;
      merged.push(created);
      continue;
    }
    candidate.groups.push(group);
    candidate.words = Math.min(candidate.words, group.words);
    candidate.inLead ||= group.inLead;
    candidate.inHeading ||= group.inHeading;
    candidate.capitalised += group.capitalised;
  }
  for (const candidate of merged) {
    if (candidate.groups.length > 1)
      candidate.occurrences = candidate.groups
        .flatMap((group) => group.occurrences)
        .sort((left, right) => left.start - right.start);
  }
  return merged;
}

/**
 * Π S(w) / (1 + Σ S(w)) over the content words of the occurrence; an inner function word multiplies the
 * product by 2 − P.
 */
function termScore(occurrence: Occurrence, context: MergeContext): number {
  const { tokens, terms } = context;
  let product = 1;
  let sum = 0;
  for (let index = occurrence.start; index < occurrence.end; index += 1) {
    const id = tokens.term[index] as number;
    if (tokens.termIsContent[id]) {
      const importance = terms.importance[id] as number;
      product *= importance;
      sum += importance;
      continue;
    }
    // P: how often the previous word is followed by it, times how often it is followed by the next.
    const previous = tokens.term[index - 1] as number;
    const next = tokens.term[index + 1] as number;
    const before =
      terms.cooccurrence.get(previous * terms.termCount + id) / (terms.frequency[previous] as number);
    const after = terms.cooccurrence.get(id * terms.termCount + next) / (terms.frequency[next] as number);
    product *= 2 - Math.min(1, before) * Math.min(1, after);
  }
  return product / (1 + sum);
}

/** The YAKE score times our preferences (lower is better). */
function adjustedScore(candidate: MergedCandidate): number {
  let score = candidate.yake;
  if (candidate.inTitle) score *= KEYPHRASE_EXTRACTION.titleFactor;
  // Names are what an article is about only when the title says so; otherwise they are its sources.
  const isName = isMostlyCapitalised(candidate);
  if (isName && !candidate.inTitle && !candidate.stems.every((stem) => stem.length <= 3))
    score *= KEYPHRASE_EXTRACTION.nameFactor;
  if (candidate.words >= 2 && candidate.words <= 4) score *= KEYPHRASE_EXTRACTION.multiWordFactor;
  if (candidate.inLead) score *= KEYPHRASE_EXTRACTION.leadFactor;
  if (candidate.inHeading) score *= KEYPHRASE_EXTRACTION.headingFactor;
  return score;
}

interface Ranked {
  candidate: MergedCandidate;
  /** Adjusted YAKE score, lower is better. */
  adjusted: number;
  dropped: boolean;
}

/** Best first; ties go to the more frequent, then the earlier, then the shorter phrase. */
function byRank(left: Ranked, right: Ranked): number {
  return (
    left.adjusted - right.adjusted ||
    right.candidate.occurrences.length - left.candidate.occurrences.length ||
    (left.candidate.occurrences[0] as Occurrence).start -
      (right.candidate.occurrences[0] as Occurrence).start ||
    left.candidate.words - right.candidate.words
  );
}

/**
 * Compares each phrase with the phrases nested in it (content stems as a contiguous run). A nested
 * phrase that rarely occurs on its own is a fragment (« levain maison » in « pain au levain maison »,
 * « Tech » in « Big Tech »): dropped, whichever ranks better. A nested multi-word phrase that is much
 * more frequent is the head phrase and the longer one its long-tail variant (« pain au levain » and
 * « pain au levain maison »): it is raised to the longer one's score when it ranks below it. YAKE
 * multiplies word scores below 1, so it tends to prefer the longer phrase; this corrects it.
 */
function resolveNesting(ranked: Ranked[], minStandalone: number): void {
  const byStems = new Map<string, Ranked>();
  for (const entry of ranked) byStems.set(entry.candidate.stems.join(STEM_SEPARATOR), entry);
  const nestedIn = (longer: Ranked): Ranked[] => {
    const stems = longer.candidate.stems;
    const found: Ranked[] = [];
    for (let length = 1; length < stems.length; length += 1) {
      for (let offset = 0; offset + length <= stems.length; offset += 1) {
        const shorter = byStems.get(stems.slice(offset, offset + length).join(STEM_SEPARATOR));
        if (shorter !== undefined && !found.includes(shorter)) found.push(shorter);
      }
    }
    return found;
  };

  // Each phrase's nested phrases are read by both passes: found once.
  const nested = ranked.map(nestedIn);
  ranked.forEach((longer, index) => {
    const occurrences = longer.candidate.occurrences.length;
    const needed = Math.max(minStandalone, KEYPHRASE_EXTRACTION.standaloneShare * occurrences);
    for (const shorter of nested[index] as Ranked[]) {
      if (shorter.candidate.occurrences.length - occurrences < needed) shorter.dropped = true;
    }
  });
  ranked.forEach((longer, index) => {
    if (longer.dropped) return;
    const occurrences = longer.candidate.occurrences.length;
    for (const shorter of nested[index] as Ranked[]) {
      if (
        !shorter.dropped &&
        shorter.candidate.words >= 2 &&
        shorter.adjusted > longer.adjusted &&
        shorter.candidate.occurrences.length >= KEYPHRASE_EXTRACTION.headPhraseRatio * occurrences
      )
        shorter.adjusted = longer.adjusted;
    }
  });
}

/**
 * The most frequent way the phrase is written, spaces normalised, among the forms the opening paragraph
 * echoes when there are some. A capital that only marks a sentence start is lowered, unless the word is
 * mostly capitalised mid-sentence (a name, an acronym).
 */
function surfaceForm(
  analysis: Analysis,
  candidate: MergedCandidate,
  tokens: Tokens,
  terms: TermStatistics,
  openingWords: ReadonlySet<string>,
): string {
  const counts = new Map<string, number>();
  for (const occurrence of candidate.occurrences) {
    let surface = '';
    for (let index = occurrence.start; index < occurrence.end; index += 1) {
      const word = analysis.words[index] as AnalyzedWord;
      let written = word.text;
      if (tokens.sentenceStart[index] === 1 && hasUppercaseInitial(written) && hasLowercaseLetter(written)) {
        const id = tokens.term[index] as number;
        const mid = terms.midSentence[id] as number;
        if (mid === 0 || (terms.capitalised[id] as number) * 2 < mid) written = lowerInitial(written);
      }
      const joined = index > occurrence.start && tokens.role[index - 1] !== ELISION;
      surface += joined ? ` ${written}` : written;
    }
    counts.set(surface, (counts.get(surface) ?? 0) + 1);
  }
  // A form whose every word the opening paragraph writes so (« plugins Jekyll » when it speaks of
  // « plugins » and of « Jekyll »), over a more frequent one it does not: the reader meets that form
  // first, and Yoast SEO, which matches French word forms exactly, looks for it in the introduction.
  const echoed = (surface: string) =>
    surface.split(/\s+/u).every((written) => openingWords.has(written.toLowerCase()));
  // Insertion order is first-seen order: a tie keeps the earlier form.
  let best = '';
  let bestRank = -1;
  for (const [surface, count] of counts) {
    const rank = (echoed(surface) ? 1_000_000 : 0) + count;
    if (rank > bestRank) {
      best = surface;
      bestRank = rank;
    }
  }
  return best;
}

/** The words of the opening paragraph as written, lower case: read once for every candidate's surface form. */
function openingWordsOf(analysis: Analysis): Set<string> {
  const opening = openingParagraph(analysis);
  const words = new Set<string>();
  if (opening === undefined) return words;
  // Words are in reading order: the scan stops at the first one past the paragraph, not at the text's end.
  for (const word of analysis.words) {
    if (word.start >= opening.end) break;
    if (word.start >= opening.start && word.end <= opening.end) words.add(word.text.toLowerCase());
  }
  return words;
}

/** The first paragraph of the body, headings, lists and quotes aside: what readers and Yoast SEO call the introduction. */
function openingParagraph(analysis: Analysis): { start: number; end: number } | undefined {
  return analysis.blocks.find((block) => block.kind === 'paragraph' && block.wordCount > 0);
}

function lowerInitial(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) as number);
  return first.toLowerCase() + word.slice(first.length);
}

/** Stems of the title and the H1, where the author names the topic. */
function titleStemsOf(analysis: Analysis): Set<string> {
  const texts = [
    analysis.metadata.title ?? '',
    ...analysis.headings.filter((heading) => heading.depth === 1).map((heading) => heading.text),
  ].map((text) => (BYLINE_WORD.test(text) ? text.replace(BYLINE, '') : text));
  const stems = new Set<string>();
  for (const text of texts) {
    for (const token of tokenizeWords(text)) if (token.kind === 'word') stems.add(stem(token.text));
  }
  return stems;
}

/**
 * « Eleventy (11ty) par Zach Leatherman »: the author credited at the end of a title is who wrote it, not
 * what it is about; the name stays a source (`nameFactor`).
 */
const BYLINE = /\s+(?:par|by)\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3}\s*$/u;
/** What {@link BYLINE} needs in a title: tested first, as most titles have no byline and it costs 2 to 6 ms to compile. */
const BYLINE_WORD = /\s(?:par|by)\s/;

/** Whether a word of the candidate's first occurrence is an evaluative adjective (« bon », « nouveau »). */
function hasEvaluativeAdjective(analysis: Analysis, candidate: MergedCandidate): boolean {
  const occurrence = candidate.occurrences[0] as Occurrence;
  for (let index = occurrence.start; index < occurrence.end; index += 1)
    if (isEvaluativeAdjective((analysis.words[index] as AnalyzedWord).text)) return true;
  return false;
}

/** Whether the last word of the candidate's first occurrence may be a past participle and is no noun. */
function endsOnParticiple(analysis: Analysis, candidate: MergedCandidate, lexicon: Lexicon): boolean {
  const occurrence = candidate.occurrences[0] as Occurrence;
  const last = analysis.words[occurrence.end - 1];
  if (last === undefined) return false;
  // « petites entreprises »: a noun first.
  const parts = lexicon.partsOfSpeech(last.text);
  return parts.has('past-participle') && !parts.has('noun');
}

/** Whether the candidate's first occurrence reads as a noun phrase, or a single word as a noun or a name. */
function hasKeyphraseShape(
  analysis: Analysis,
  candidate: MergedCandidate,
  lexicon: Lexicon,
  tokens: Tokens,
): boolean {
  const occurrence = candidate.occurrences[0] as Occurrence;
  const words: string[] = [];
  for (let index = occurrence.start; index < occurrence.end; index += 1)
    words.push((analysis.words[index] as AnalyzedWord).text);
  if (words.length === 1) return isKeyphraseNoun(lexicon, words[0] as string);
  // « [postes] liés à l’IA »: a participle right after a noun qualifies it; the phrase starts before.
  const previous = analysis.words[occurrence.start - 1];
  if (
    previous !== undefined &&
    tokens.breakBefore[occurrence.start] === 0 &&
    tokens.role[occurrence.start - 1] === CONTENT &&
    lexicon.partsOfSpeech(previous.text).has('noun') &&
    lexicon.partsOfSpeech(words[0] as string).has('past-participle')
  )
    return false;
  // « vélos en libre-service répartis [dans] »: a participle followed by its complement is a verb.
  const next = analysis.words[occurrence.end];
  const last = words[words.length - 1] as string;
  if (
    next !== undefined &&
    lexicon.partsOfSpeech(last).has('past-participle') &&
    lexicon.partsOfSpeech(next.text).has('preposition')
  )
    return false;
  return isNounPhraseShape(lexicon, words);
}

/** How many sentences open the text, for `openingWordEnd`. */
const OPENING_SENTENCES = 3;

/** The word index after the first sentences of the body (headings excluded). */
function openingWordEnd(analysis: Analysis, segments: readonly Segment[]): number {
  let seen = 0;
  for (const segment of segments) {
    if (analysis.blocks[segment.blockIndex]?.kind === 'heading') continue;
    seen += 1;
    if (seen === OPENING_SENTENCES) return segment.wordEnd;
  }
  return analysis.words.length;
}

/** « SAV de Truffaut »: a noun with a complement naming the title's subject, however rare. */
function isAboutTitleName(
  analysis: Analysis,
  candidate: MergedCandidate,
  titleStems: ReadonlySet<string>,
): boolean {
  const occurrence = candidate.occurrences[0] as Occurrence;
  const last = analysis.words[occurrence.end - 1] as AnalyzedWord;
  return (
    candidate.words === 3 &&
    hasUppercaseInitial(last.text) &&
    titleStems.has(last.stem) &&
    candidate.stems.length === 2
  );
}

/** Whether a word of the phrase is capitalised other than at a sentence start: a name. */
function namesSomeone(analysis: Analysis, candidate: MergedCandidate, tokens: Tokens): boolean {
  const occurrence = candidate.occurrences[0] as Occurrence;
  for (let index = occurrence.start; index < occurrence.end; index += 1) {
    if (tokens.sentenceStart[index] === 1) continue;
    if (hasUppercaseInitial((analysis.words[index] as AnalyzedWord).text)) return true;
  }
  return false;
}

/** A name (« Réseau Morphée », « Karim Benali »): its words are capitalised in most occurrences. */
function isMostlyCapitalised(candidate: MergedCandidate): boolean {
  return candidate.occurrences.length > 0 && candidate.capitalised / candidate.occurrences.length >= 0.8;
}
