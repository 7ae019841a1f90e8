import { hasUppercaseInitial } from '../character-class.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import { isSpacesOnly, isWhiteSpace } from '../lang/fr/is-white-space.js';
import { closedClassLexicon, isLinkingWord, type Lexicon } from '../lang/fr/lexicon.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { LIGHT_VERBS } from '../lang/fr/stopwords.js';
import { holdsWords, tokenizeWords, type WordToken } from '../lang/fr/tokenize-words.js';
import { findTransitionWords } from '../lang/fr/transition-words.js';
import { capitalizeFirst } from './build-title.js';
import { pointsBackWithDemonstrative } from './demonstrative.js';

export interface HeadlineOptions {
  /** Longest headline in words (default: 12). */
  maxWords?: number;
  /** Shortest headline in words (default: 3). */
  minWords?: number;
  /** Parts of speech (default: the closed classes only, which cannot tell nouns from verbs). */
  lexicon?: Lexicon;
  /**
   * `tokenizeWords(sentence)`, when the caller has them (an analysed sentence's words, offsets made relative
   * to the sentence): not tokenized again (default: tokenized here). Read by `nounPhrases`.
   */
  tokens?: readonly WordToken[];
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
  // Possessives point back too: « Son tracé… » whose?
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'y',
  'en',
  'lui',
  'leur',
]);

/** A heading made from one sentence: the sentence itself, or one of its noun phrases. */
export interface Headline {
  text: string;
  /** `sentence`: a complete short sentence (a main clause); `noun-phrase`: « Une pénurie de talents en IA ». */
  kind: 'sentence' | 'noun-phrase';
}

/**
 * The sentence as a heading when it is a complete short sentence: at most `maxWords` words once a
 * leading connector, an adverbial opener, an apposition or a trailing adjunct clause (« , alors que… »)
 * is dropped; not a quotation, not opening on a pronoun that points to the previous sentence, with a
 * verb, and ending on a word that closes a phrase. Never cut at a word count. Null otherwise.
 */
export function headlineFromSentence(sentence: string, options: HeadlineOptions = {}): string | null {
  return extractHeadline(sentence, options)?.text ?? null;
}

/** Like `headlineFromSentence`, with the kind of unit the heading is. */
export function extractHeadline(sentence: string, options: HeadlineOptions = {}): Headline | null {
  const maxWords = options.maxWords ?? 12;
  const minWords = options.minWords ?? 3;
  const lexicon = options.lexicon ?? closedClassLexicon;
  let text = sentence.trim();
  // A sentence that announces a list or a quotation (« Voici les étapes : ») is not a heading. Trimmed, it
  // ends on the colon itself: `/:\s*$/` would scan the whole sentence to say so.
  if (text.endsWith(':')) return null;
  // Quotations belong to their speaker; a heading made of one would put words in the author's mouth.
  if (/[«»“”"|]/u.test(text) || /^[>—–-]/u.test(text)) return null;
  // A tweet (« @Truffaut bonjour… ») or an address is someone's message, not the article's heading.
  if (mayHoldMessageOrAddress(text) && MESSAGE_OR_ADDRESS.test(text)) return null;
  text = withoutTrailing(text, SENTENCE_END_MARKS);
  // Two openers may follow each other: « Sur certaines lignes, aux heures de pointe, la densité… ». When
  // the first pass drops nothing (most sentences), the second would read the same text again.
  const withoutOpener = dropLeadingConnector(text);
  text = withoutOpener === text ? text : dropLeadingConnector(withoutOpener);
  text = dropApposition(text, lexicon);
  text = dropAdverbOpener(text);
  text = dropAdjunctClause(text, minWords);
  // Most sentences are too long: their first words are enough to say so (see `openingTokens`).
  const tokens = openingTokens(text, maxWords);
  const first = tokens[0];
  if (!first || ANAPHORIC_STARTS.has(normalizeWord(first.text))) return null;
  // The length first: most sentences are too long, and it costs less than the opener tests.
  const words = countHeadingWords(tokens);
  if (words < minWords || words > maxWords) return null;
  if (!standsAsHeading(text, tokens)) return null;
  // « Chacun de ces mots est couplé… »: which words? A heading is read before its section.
  if (pointsBackWithDemonstrative(tokens)) return null;
  // A sentence needs a verb; with only the closed classes, an auxiliary is the only verb we can see.
  const hasVerb = tokens.some((token) => {
    const parts = lexicon.partsOfSpeech(token.text);
    return parts.has('finite-verb') || parts.has('auxiliary');
  });
  if (!hasVerb) return null;
  const headline = capitalizeFirst(withoutTrailing(text, HEADING_END_MARKS));
  if (!isCompleteHeading(headline, lexicon) || joinsClauses(headline)) return null;
  return { text: headline, kind: 'sentence' };
}

/**
 * `tokenizeWords(text)` when it holds at most `maxWords` heading words; otherwise possibly only its first
 * tokens, which already hold more than `maxWords` (tokens are cut from left to right and never revised,
 * so the first ones are the same).
 */
function openingTokens(text: string, maxWords: number): WordToken[] {
  const limit = maxWords + OPENING_SLACK;
  const tokens = tokenizeWords(text, limit);
  // Cut short but with elisions enough to stay within `maxWords`: the whole text is needed.
  if (tokens.length >= limit && countHeadingWords(tokens) <= maxWords) return tokenizeWords(text);
  return tokens;
}

/** Tokens read past `maxWords`: room for a few elisions, which are no heading words. */
const OPENING_SLACK = 4;

const MESSAGE_OR_ADDRESS = /(?:^|\s)[@#][\p{L}\d_]|https?:\/\/|www\./u;

/** False when `MESSAGE_OR_ADDRESS` cannot match (no « @ », « # », « :// » or « www. »): most sentences. */
function mayHoldMessageOrAddress(text: string): boolean {
  return text.includes('@') || text.includes('#') || text.includes('://') || text.includes('www.');
}

/**
 * The text without its last characters that are white space or among `marks`: `text.replace(/[\s…]+$/u, '')`
 * read from the end, where the regular expression would try every position of the sentence that holds one
 * of them.
 */
function withoutTrailing(text: string, marks: ReadonlySet<string>): string {
  let end = text.length;
  while (end > 0) {
    if (!marks.has(text[end - 1] as string) && !isWhiteSpace(text.charCodeAt(end - 1))) break;
    end -= 1;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Closing punctuation of a sentence, `/[\s.…;,]+$/u`. */
const SENTENCE_END_MARKS: ReadonlySet<string> = new Set(['.', '…', ';', ',']);
/** What a heading cannot end on, `/[\s,;:–—(]+$/u`. */
const HEADING_END_MARKS: ReadonlySet<string> = new Set([',', ';', ':', '–', '—', '(']);
/** `/[\s?!]+$/u`: a question or an exclamation ends as the words before it. */
const QUESTION_MARKS: ReadonlySet<string> = new Set(['?', '!']);

const RELATIVE_STARTS = new Set(['qui', 'dont', 'où', 'lequel', 'laquelle', 'lesquels', 'lesquelles']);
/** « Je ne sais pas si… »: the author speaking of himself is an aside of the article, not one of its topics. */
const FIRST_PERSON_STARTS = new Set(['je', "j'", 'tu']);
/** « Ah non, la pièce est incomplète »: an interjection is the speaker's voice, not a topic. */
const INTERJECTIONS = new Set(['ah', 'oh', 'eh', 'bah', 'ben', 'hein', 'bref', 'ouf', 'zut', 'hélas', 'wow']);

/**
 * Whether the clause left once openers are dropped can head a section: not the author's « je », not a
 * one-word opener kept before its comma (« Parfois, la faille… » says « sometimes »: dropping it would change
 * the claim), not a subordinate clause alone (« À moins que ce ne soit le cas », « Lorsque le réseau
 * sature ») unless it asks a question (« Quand faut-il changer de mot de passe ? »).
 */
function standsAsHeading(text: string, tokens: readonly WordToken[]): boolean {
  const first = normalizeWord(tokens[0]?.text ?? '');
  const second = normalizeWord(tokens[1]?.text ?? '');
  if (FIRST_PERSON_STARTS.has(first) || INTERJECTIONS.has(first)) return false;
  if (announcesThePlan(first, second)) return false;
  if (/^[\p{L}’'-]+,\s/u.test(text)) return false;
  if (/\?\s*$/u.test(text)) return true;
  // « Qui n’avouent pas que… »: a relative clause without its noun.
  if (RELATIVE_STARTS.has(first)) return false;
  return !isSubordinateOpener(first, second) && !(/^(?:à|a)$/u.test(first) && second === 'moins');
}

/**
 * « Nous allons voir… », « Nous réduirons la définition aux pirates… »: the author announcing the plan. Neither
 * the sentence nor its noun phrases (« La définition aux pirates », the verb's complements read as one
 * phrase) name a topic.
 */
function announcesThePlan(first: string, second: string): boolean {
  return first === 'nous' && (second === 'allons' || /rons$/u.test(second));
}

/** Whether « nous allons » or « nous …rons » stands anywhere in the sentence (most words are not « nous »). */
function holdsPlanAnnouncement(tokens: readonly WordToken[]): boolean {
  // The next word is normalized only after a « nous »: most four-letter words are not.
  return tokens.some(
    (token, index) =>
      token.text.length === 4 &&
      normalizeWord(token.text) === 'nous' &&
      announcesThePlan('nous', normalizeWord(tokens[index + 1]?.text ?? '')),
  );
}

/** Subjects that open a second clause after a comma: « …intelligentes, j’apprécie… », « …vendre, elle fait élire ». */
const CLAUSE_SUBJECT_AFTER_COMMA =
  /,\s*(?:je|j['’]|tu|il|elle|on|nous|vous|ils|elles|c['’]|ce|ça|cela)(?=[\s\p{L}])/iu;

/**
 * Two clauses in one heading: joined by a comma (« Les pirates sont intelligentes, j’apprécie leur état
 * d’esprit ») or a label of one or two words and its text around a colon (« Next milestone: comment… »,
 * « Page: contient la plupart… »). A heading says one thing.
 */
function joinsClauses(headline: string): boolean {
  if (CLAUSE_SUBJECT_AFTER_COMMA.test(headline)) return true;
  // « Pompe à chaleur air-eau : combien coûte… » is a heading; a label of one or two words is not.
  const colon = /\s*:\s+\S/u.exec(headline);
  return colon !== null && countHeadingWords(tokenizeWords(headline.slice(0, colon.index))) <= 2;
}

const TIME_COMPLEMENT =
  /^(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|\d{4}|matin|soir|semaine|année|mois)$/iu;
/** Prepositions that chain a complement to a noun (« pénurie de talents en IA »). */
const CHAINING_PREPOSITIONS = new Set([
  'de',
  "d'",
  'du',
  'des',
  'en',
  'à',
  'au',
  'aux',
  'pour',
  'sur',
  'contre',
]);
/** Determiners that open a noun phrase standing alone; « ce », « leur » point back and « de » is partitive. */
const OPENING_DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des']);

/**
 * The noun phrases of a sentence that can stand as a heading: a determiner or a name, a noun with its
 * adjectives, and its complements (« de talents », « en IA »), 3 to `maxWords` words (default 9) with
 * at least two content words. Words inside quotation marks are skipped. Extractive and in order.
 */
export function nounPhrases(sentence: string, options: HeadlineOptions = {}): Headline[] {
  const maxWords = options.maxWords ?? 9;
  const minWords = options.minWords ?? 3;
  const lexicon = options.lexicon ?? closedClassLexicon;
  const tokens = options.tokens ?? tokenizeWords(sentence);
  // « Cependant à des fins de clarté, nous réduirons la définition aux pirates informatiques. »
  if (holdsPlanAnnouncement(tokens)) return [];
  const quoted = quotedTokens(sentence, tokens);
  const memos = wordClassMemos(lexicon);
  // Loops, not `map`: V8's `map` gives a packed array until the calling function is optimized and a holey
  // one after (the optimizing compiler allocates it whole, then fills it), and every function reading these
  // arrays was compiled again for that second shape (nounPhrases 6 times over a thread's first 400 articles).
  const classes: TokenClass[] = [];
  for (let index = 0; index < tokens.length; index += 1)
    classes.push(
      classify(tokens[index] as WordToken, index, tokens, sentence, quoted[index] === true, lexicon, memos),
    );
  // « transport public »: a word the lexicon reads as a noun or an adjective may follow its noun as an adjective.
  // Not a verb form too: « des conflits d’intérêt émergent » is a clause.
  const adjectival: boolean[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (classes[index] !== 'noun') {
      adjectival.push(false);
      continue;
    }
    const parts = lexicon.partsOfSpeech((tokens[index] as WordToken).text);
    adjectival.push(parts.has('adjective') && !parts.has('finite-verb'));
  }
  const phrases: Headline[] = [];
  let index = 0;
  while (index < tokens.length) {
    // Punctuation before a word ends the phrase before it, not one that opens on it (« … : les
    // gestionnaires de mots de passe »), unless the word is quoted.
    const reopened = classes[index] === 'barrier' && quoted[index] !== true;
    const openingClass = reopened
      ? classifyWord(tokens[index] as WordToken, index, lexicon, memos)
      : (classes[index] as TokenClass);
    // Most words open no phrase: known before the classes are copied for the one that does.
    if (!opensPhrase(openingClass, tokens[index] as WordToken)) {
      index += 1;
      continue;
    }
    const opening = reopened ? withClassAt(classes, index, openingClass) : classes;
    const ends = phraseEnds(opening, tokens, index, adjectival);
    // The longest phrase within the limit; a shorter one still ends at a complement boundary.
    // « …la pièce aux bonnes [dimensions] »: an end between an adjective read as the head and its noun
    // is no end; a shorter phrase may still be whole (« Une date de livraison pour la pièce »).
    // A chain of complements cut by the word limit ends on a vague one (« La division IA grand public du
    // géant » [de la technologie]): the noun and its adjectives alone say it better.
    // The last end that is whole and within the limit, searched from the longest.
    const end = ends.findLast(
      (candidate) =>
        !cutBeforeItsNoun(tokens, classes, candidate, lexicon) &&
        countHeadingWordsBetween(tokens, index, candidate) <= maxWords,
    );
    if (end === undefined) {
      index += 1;
      continue;
    }
    let phraseEnd = end;
    // A participle followed by more words waits for its complement (« des logements classés F ou G »).
    const lastToken = tokens[phraseEnd - 1];
    if (
      lastToken &&
      (classes[phraseEnd - 1] === 'adjective' ||
        // « une opération menée » (a noun too), not « des schémas de pensée », the noun of its complement.
        (adjectival[phraseEnd - 1] === true &&
          classes[phraseEnd - 2] !== 'preposition' &&
          classes[phraseEnd - 2] !== 'determiner')) &&
      lexicon.partsOfSpeech(lastToken.text).has('past-participle') &&
      phraseEnd < tokens.length &&
      classes[phraseEnd] !== 'barrier'
    )
      phraseEnd -= 1;
    // « des conflits d’intérêt émergent »: a form in -ent after a plural noun is its verb, not an adjective.
    const finalWord = tokens[phraseEnd - 1];
    if (
      finalWord &&
      phraseEnd - 1 > index &&
      /ent$/iu.test(finalWord.text) &&
      lexicon.partsOfSpeech(finalWord.text).has('finite-verb') &&
      tokens.slice(index, phraseEnd - 1).some((token, offset) => {
        const kind = classes[index + offset];
        return (kind === 'noun' || kind === 'name') && /[sx]$/iu.test(token.text);
      })
    )
      phraseEnd -= 1;
    const slice = tokens.slice(index, phraseEnd);
    const contentWords = slice.filter((_, offset) => {
      const kind = classes[index + offset];
      return kind === 'noun' || kind === 'adjective' || kind === 'name';
    }).length;
    // A phrase of names only (« Coronini à BI ») is a byline, not a topic.
    const hasCommonNoun = slice.some((_, offset) => classes[index + offset] === 'noun');
    if (
      countHeadingWords(slice) >= minWords &&
      contentWords >= 2 &&
      hasCommonNoun &&
      !isEmptyHead(tokens, classes, index, phraseEnd) &&
      !DEICTIC_ADJECTIVES.has(normalizeWord(tokens[phraseEnd - 1]?.text ?? ''))
    ) {
      const text = capitalizeFirst(
        sentence.slice((slice[0] as WordToken).start, (slice[slice.length - 1] as WordToken).end),
      );
      if (isCompleteHeading(text, lexicon)) phrases.push({ text, kind: 'noun-phrase' });
    }
    index = end;
  }
  return phrases;
}

/**
 * Nouns that head a locution after a preposition (« dans la foulée de », « à la veille de », « au cours
 * de »): the phrase without its preposition means nothing (« La foulée de l’envoi »).
 */
const LOCUTION_HEADS = new Set([
  'foulée',
  'veille',
  'lendemain',
  'suite',
  'cours',
  'bout',
  'issue',
  'sein',
  'lieu',
  'instar',
  'insu',
  'égard',
  'travers',
  'faveur',
  'fil',
  'gré',
  'fur',
  'milieu',
  'début',
  'fin',
  'moment',
  'place',
  'occasion',
]);
const LOCUTION_PREPOSITIONS = new Set(['dans', 'à', 'a', 'au', 'aux', 'en', 'par']);
/** Adjectives used as nouns that name nothing by themselves: « Le vrai du faux », « Un nouveau en échange ». */
const EMPTY_HEADS = new Set([
  'vrai',
  'faux',
  'nouveau',
  'nouvelle',
  'bon',
  'bonne',
  'mauvais',
  'beau',
  'pire',
  'meilleur',
  'mieux',
  'essentiel',
]);

/** Whether the phrase's head noun (its first noun) is a locution's after a preposition, or an empty adjective. */
function isEmptyHead(
  tokens: readonly WordToken[],
  classes: readonly TokenClass[],
  start: number,
  end: number,
): boolean {
  let head = start;
  while (head < end && classes[head] !== 'noun' && classes[head] !== 'name') head += 1;
  const word = normalizeWord(tokens[head]?.text ?? '');
  if (EMPTY_HEADS.has(word)) return true;
  const before = normalizeWord(tokens[start - 1]?.text ?? '');
  return LOCUTION_HEADS.has(word) && LOCUTION_PREPOSITIONS.has(before);
}

/** Whether a phrase ending before `end` stops on an adjective whose noun (a noun only) comes next. */
function cutBeforeItsNoun(
  tokens: readonly WordToken[],
  classes: readonly TokenClass[],
  end: number,
  lexicon: Lexicon,
): boolean {
  const following = tokens[end];
  if (following === undefined || classes[end] !== 'noun') return false;
  const next = lexicon.partsOfSpeech(following.text);
  return (
    lexicon.partsOfSpeech(tokens[end - 1]?.text ?? '').has('adjective') &&
    !next.has('finite-verb') &&
    !next.has('adjective')
  );
}

function withClassAt(classes: readonly TokenClass[], index: number, value: TokenClass): TokenClass[] {
  const copy = [...classes];
  copy[index] = value;
  return copy;
}

type TokenClass =
  | 'determiner'
  | 'preposition'
  | 'noun'
  | 'name'
  | 'adjective'
  | 'number'
  | 'other'
  | 'barrier';

function classify(
  token: WordToken,
  index: number,
  tokens: readonly WordToken[],
  sentence: string,
  quoted: boolean,
  lexicon: Lexicon,
  memos: WordClassMemos,
): TokenClass {
  const previous = tokens[index - 1];
  if (quoted) return 'barrier';
  // Punctuation between two words ends any phrase; so does a quotation mark. One space is the usual gap.
  if (previous && !(token.start === previous.end + 1 && sentence.charCodeAt(previous.end) === 32)) {
    if (!isSpacesOnly(sentence, previous.end, token.start)) return 'barrier';
  }
  return classifyWord(token, index, lexicon, memos);
}

/**
 * A word's class depends on its text, on whether it opens the sentence and on the lexicon alone: read
 * once per lexicon for the words every sentence repeats (« les », « de », « entreprises »).
 */
const wordClasses = new WeakMap<Lexicon, WordClassMemos>();
const MAX_WORD_CLASSES = 20_000;

/** Classes of the words that open a sentence, then of the others. */
type WordClassMemos = [Map<string, TokenClass>, Map<string, TokenClass>];

/** The lexicon's memos, looked up once per sentence rather than once per word. */
function wordClassMemos(lexicon: Lexicon): WordClassMemos {
  let memos = wordClasses.get(lexicon);
  if (memos === undefined) {
    memos = [new Map(), new Map()];
    wordClasses.set(lexicon, memos);
  }
  return memos;
}

function classifyWord(token: WordToken, index: number, lexicon: Lexicon, memos: WordClassMemos): TokenClass {
  if (token.kind !== 'word') return classifyToken(token, index, lexicon);
  const memo = memos[index > 0 ? 1 : 0];
  let value = memo.get(token.text);
  if (value === undefined) {
    value = classifyToken(token, index, lexicon);
    // Bounded: a batch of articles must not grow it without end.
    if (memo.size >= MAX_WORD_CLASSES) memo.clear();
    memo.set(token.text, value);
  }
  return value;
}

function classifyToken(token: WordToken, index: number, lexicon: Lexicon): TokenClass {
  if (token.kind === 'number') return 'number';
  const word = normalizeWord(token.text);
  if (token.kind === 'elision') return word === "l'" ? 'determiner' : word === "d'" ? 'preposition' : 'other';
  if (OPENING_DETERMINERS.has(word) && word !== 'des') return 'determiner';
  if (word === 'des') return 'determiner';
  if (CHAINING_PREPOSITIONS.has(word)) return 'preposition';
  const parts = lexicon.partsOfSpeech(token.text);
  if (
    parts.has('determiner') &&
    /^\d|^(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|cent|mille|plusieurs|quelques)$/u.test(word)
  )
    return 'number';
  if (isFunctionWord(word) || parts.has('auxiliary')) return 'other';
  const capitalised = hasUppercaseInitial(token.text);
  if (capitalised && index > 0 && (parts.size === 0 || parts.has('proper-noun'))) return 'name';
  if (parts.has('noun') || parts.has('proper-noun')) return 'noun';
  if (parts.has('adjective') || parts.has('past-participle')) return 'adjective';
  // Unknown words: names (« Nvidia ») and recent loans (« startups »), read as nouns.
  if (parts.size === 0 && token.text.length >= 3) return capitalised ? 'name' : 'noun';
  return 'other';
}

const OPENING_GUILLEMET = 0xab; // «
const OPENING_QUOTE = 0x201c; // “
const CLOSING_GUILLEMET = 0xbb; // »
const CLOSING_QUOTE = 0x201d; // ”
const STRAIGHT_QUOTE = 0x22; // "

/**
 * Whether each token starts inside a quotation: more « “ than » ” before it, or an odd number of ".
 * One pass over the sentence (counting the prefix again for every token was quadratic).
 */
function quotedTokens(sentence: string, tokens: readonly WordToken[]): boolean[] {
  // Without an opening mark (most sentences) no token is quoted: searched natively, not code by code.
  const quoted: boolean[] = [];
  if (!sentence.includes('«') && !sentence.includes('“') && !sentence.includes('"')) {
    for (let index = 0; index < tokens.length; index += 1) quoted.push(false);
    return quoted;
  }
  let opened = 0;
  let closed = 0;
  let straight = 0;
  let position = 0;
  for (const token of tokens) {
    // Codes, not one-character strings: V8 makes a new string for each character past U+00FF.
    for (; position < token.start; position += 1) {
      const code = sentence.charCodeAt(position);
      if (code === OPENING_GUILLEMET || code === OPENING_QUOTE) opened += 1;
      else if (code === CLOSING_GUILLEMET || code === CLOSING_QUOTE) closed += 1;
      else if (code === STRAIGHT_QUOTE) straight += 1;
    }
    quoted.push(opened > closed || straight % 2 === 1);
  }
  return quoted;
}

/** Where a noun phrase starting at `start` may end (exclusive indices, shortest first), or none. */
function phraseEnds(
  classes: readonly TokenClass[],
  tokens: readonly WordToken[],
  start: number,
  adjectival: readonly boolean[],
): number[] {
  if (!opensPhrase(classes[start], tokens[start])) return [];
  const ends: number[] = [];
  let end = nominal(classes, tokens, start, adjectival);
  while (end > 0) {
    ends.push(end);
    if (classes[end] !== 'preposition') break;
    // « gagner des points à Truffaut »: « à » and a name complete the verb, not the noun.
    if (/^(?:à|a)$/iu.test(tokens[end]?.text ?? '') && classes[end + 1] === 'name') break;
    const next = nominal(classes, tokens, end + 1, adjectival);
    if (next < 0) break;
    // « en novembre (dernier) », « en 2024 »: a time adjunct of the verb, not a complement of the noun.
    if (tokens.slice(end + 1, next).some((token) => TIME_COMPLEMENT.test(token.text))) break;
    end = next;
  }
  return ends;
}

/**
 * What a noun phrase opens on: a determiner, a name or a number in letters. A heading does not open on
 * digits (« 2,40 mètres de large »); « Quatre millions de voyageurs » may.
 */
function opensPhrase(first: TokenClass | undefined, token: WordToken | undefined): boolean {
  return first === 'determiner' || first === 'name' || (first === 'number' && token?.kind === 'word');
}

/** Determiner(s), pre-nominal adjectives, a noun or name, post-nominal adjectives: the end, or -1. */
function nominal(
  classes: readonly TokenClass[],
  tokens: readonly WordToken[],
  start: number,
  adjectival: readonly boolean[],
): number {
  let index = start;
  while (classes[index] === 'determiner' || classes[index] === 'number') index += 1;
  let adjectives = 0;
  while (classes[index] === 'adjective' && adjectives < 2) {
    index += 1;
    adjectives += 1;
  }
  const head = classes[index];
  if (head !== 'noun' && head !== 'name') {
    // « les plus grandes »: no noun, no phrase.
    return -1;
  }
  const headIndex = index;
  index += 1;
  // A name goes on over its capitalised words (« Big Tech », « Sam Altman »).
  const capitalised = (at: number) => hasUppercaseInitial(tokens[at]?.text ?? '') && at > 0;
  while (
    classes[index] === 'name' ||
    (capitalised(headIndex) &&
      capitalised(index) &&
      (classes[index] === 'noun' || classes[index] === 'adjective'))
  )
    index += 1;
  // Post-nominal adjectives agree in number with the noun: « les entreprises illustre » is a verb.
  while (
    (classes[index] === 'adjective' && (head === 'name' || samePlurality(tokens, headIndex, index))) ||
    (adjectival[index] === true && strictlySamePlurality(tokens, headIndex, index))
  )
    index += 1;
  return index;
}

/** A word read as a noun too follows as an adjective only in the noun's very number (not « Les juge bizarres »). */
function strictlySamePlurality(tokens: readonly WordToken[], noun: number, adjective: number): boolean {
  const plural = (at: number) => /[sx]$/iu.test(tokens[at]?.text ?? '');
  return (
    plural(noun) === plural(adjective) &&
    !DEICTIC_ADJECTIVES.has(normalizeWord(tokens[adjective]?.text ?? ''))
  );
}

/**
 * Adjectives that point to another passage or another time: « Les lignes suivantes », « La semaine
 * dernière » say nothing under a heading.
 */
const DEICTIC_ADJECTIVES = new Set([
  'dernier',
  'dernière',
  'derniers',
  'dernières',
  'prochain',
  'prochaine',
  'prochains',
  'prochaines',
  'suivant',
  'suivante',
  'suivants',
  'suivantes',
  'précédent',
  'précédente',
  'précédents',
  'précédentes',
]);

/** Both plural (-s, -x) or both singular; an adjective in -s or -x may be singular (« heureux », « gris »). */
function samePlurality(tokens: readonly WordToken[], noun: number, adjective: number): boolean {
  const nounWord = tokens[noun]?.text ?? '';
  const adjectiveWord = tokens[adjective]?.text ?? '';
  const nounPlural = /[sx]$/iu.test(nounWord);
  const adjectivePlural = /[sx]$/iu.test(adjectiveWord);
  return nounPlural === adjectivePlural || (!nounPlural && adjectivePlural);
}

/** Words of a heading, an elided article counting with its word (« l’IA » is one word). */
function countHeadingWords(tokens: readonly WordToken[]): number {
  return countHeadingWordsBetween(tokens, 0, tokens.length);
}

/** `countHeadingWords(tokens.slice(start, end))`, without the copy. */
function countHeadingWordsBetween(tokens: readonly WordToken[], start: number, end: number): number {
  let words = 0;
  for (let index = start; index < end; index += 1) if (tokens[index]?.kind !== 'elision') words += 1;
  return words;
}

/** Nouns that, at the end of a clause, wait for their complement: « ont tendance », « ont besoin ». */
const NOUNS_NEEDING_COMPLEMENT = new Set([
  'tendance',
  'besoin',
  'envie',
  'intention',
  'peur',
  'mesure',
  'droit',
]);
/** Adjectives in the same position: « est prêt », « sont capables ». */
const ADJECTIVES_NEEDING_COMPLEMENT = new Set([
  'prêt',
  'prête',
  'prêts',
  'prêtes',
  'capable',
  'capables',
  'susceptible',
  'susceptibles',
  'chargé',
  'chargée',
  'chargés',
  'chargées',
]);
/** Adverbials that hide an open verb before them: « coûte en moyenne », « coûte environ ». */
const TRAILING_ADVERBIALS =
  /\s+(?:en moyenne|au total|environ|notamment|aussi|également|encore|surtout|désormais|actuellement|déjà|toujours|plus|moins)$/iu;
const LIGHT_VERB_FORMS: ReadonlySet<string> = new Set(Object.values(LIGHT_VERBS).flat());

/**
 * The lexicon check every generated heading passes: it does not end on a determiner, preposition,
 * conjunction, pronoun or auxiliary, nor on a verb or locution waiting for its complement
 * (« …affirment que les », « ont tendance », « coûte en moyenne », « pourraient »).
 */
export function isCompleteHeading(text: string, lexicon: Lexicon = closedClassLexicon): boolean {
  const core = withoutTrailing(text, QUESTION_MARKS);
  const tokens = tokenizeWords(core);
  const last = tokens[tokens.length - 1];
  if (!last || last.kind === 'elision') return false;
  if (last.kind === 'number') return false;
  const word = normalizeWord(last.text);
  if (isFunctionWord(word) || isLinkingWord(lexicon, last.text)) return false;
  // « Et pour les réveiller »: a heading that opens on a conjunction continues another sentence.
  if (OPENING_CONJUNCTIONS.has(normalizeWord(tokens[0]?.text ?? ''))) return false;
  // « …affirment que les startups et les petites entreprises »: a subordinate clause without its verb.
  const subordinator = findLastIndex(tokens, (token) => SUBORDINATORS.has(normalizeWord(token.text)));
  if (subordinator >= 0) {
    const hasVerbAfter = tokens.slice(subordinator + 1).some((token) => {
      const parts = lexicon.partsOfSpeech(token.text);
      return parts.has('finite-verb') || parts.has('auxiliary');
    });
    if (!hasVerbAfter) return false;
  }
  if (NOUNS_NEEDING_COMPLEMENT.has(word) && tokens.length > 1) {
    const before = normalizeWord(tokens[tokens.length - 2]?.text ?? '');
    if (!OPENING_DETERMINERS.has(before) && before !== "l'") return false;
  }
  if (ADJECTIVES_NEEDING_COMPLEMENT.has(word)) return false;
  const parts = lexicon.partsOfSpeech(last.text);
  // A verb is fine at the end only when intransitive use is plausible; light verbs never are.
  if ((parts.has('finite-verb') || parts.has('infinitive')) && LIGHT_VERB_FORMS.has(word)) return false;
  // The adverbial and the space before it are within the last 13 characters (« actuellement » has 12): only
  // they are searched first, not every space of the heading.
  const trimmed = TRAILING_ADVERBIALS.test(core.slice(-13)) ? core.replace(TRAILING_ADVERBIALS, '') : core;
  if (trimmed !== core) {
    const previous = tokenizeWords(trimmed).pop();
    if (!previous) return false;
    const previousParts = lexicon.partsOfSpeech(previous.text);
    const isOnlyVerb =
      (previousParts.has('finite-verb') || previousParts.has('auxiliary')) &&
      !previousParts.has('noun') &&
      !previousParts.has('adjective');
    if (isOnlyVerb || isFunctionWord(normalizeWord(previous.text))) return false;
  }
  return true;
}

const OPENING_CONJUNCTIONS = new Set(['et', 'ou', 'mais', 'or', 'donc', 'car', 'ni', 'puis']);
/** Conjunctions that open a clause which needs its own verb. */
const SUBORDINATORS = new Set([
  'que',
  "qu'",
  'lorsque',
  "lorsqu'",
  'quand',
  'puisque',
  "puisqu'",
  'si',
  "s'",
  'quoique',
]);

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (predicate(items[index] as T)) return index;
  return -1;
}

/**
 * Subordinate clauses and asides that can go without breaking the main clause, and a second main clause
 * after a comma (« Les pirates sont des personnes intelligentes, j’apprécie leur état d’esprit »).
 */
const ADJUNCT_CLAUSE =
  /\s*,\s*(?:alors que|tandis que|parce que|parce qu’|parce qu'|car|mais|même si|bien que|bien qu’|puisque|puisqu’|lorsque|lorsqu’|quand|si bien que|afin de|afin d’|afin que|pour que|qui|dont|où|selon|notamment|comme|y compris|je|tu|il|elle|on|nous|vous|ils|elles)\s|\s*,\s*j['’]|\s+(?:–|—)\s|\s*\(/giu;

function dropAdjunctClause(text: string, minWords: number): string {
  // Every match holds a comma, a parenthesis or a dash: without one (most sentences), no regular expression.
  if (!mayHoldAdjunctClause(text)) return text;
  ADJUNCT_CLAUSE.lastIndex = 0;
  for (const match of text.matchAll(ADJUNCT_CLAUSE)) {
    const before = text.slice(0, match.index);
    if (holdsWords(before, minWords)) return before;
  }
  return text;
}

/** Whether `text` has a comma, an opening parenthesis, an en dash or an em dash. */
function mayHoldAdjunctClause(text: string): boolean {
  return text.includes(',') || text.includes('(') || text.includes('–') || text.includes('—');
}

/**
 * « Mustafa Suleyman, cofondateur de DeepMind, a quitté… » -> « Mustafa Suleyman a quitté… »:
 * an apposition between commas right after a short subject would otherwise end the clause.
 */
const APPOSITION = /^([^,]{2,60}?),\s+([^,]{2,80}?),\s+(?=\p{Ll})/u;

function dropApposition(text: string, lexicon: Lexicon): string {
  const match = APPOSITION.exec(text);
  if (!match) return text;
  const subject = (match[1] as string).trim();
  const subjectWords = subject.split(/\s+/u).length;
  if (subjectWords > 4) return text;
  // « Malheureusement, ceux qui… sont…, l’écologie fait vendre »: an adverb is no subject, and a clause
  // with its own verb (unless a relative one, « qui a cofondé DeepMind ») is no apposition.
  if (subjectWords === 1 && (/ment$/iu.test(subject) || findTransitionWords(subject).length > 0)) return text;
  const aside = tokenizeWords(match[2] as string);
  const relative = /^(?:qui|dont|que|qu')$/u.test(normalizeWord(aside[0]?.text ?? ''));
  if (!relative && aside.some((token) => hasVerbReading(lexicon, token.text))) return text;
  return `${subject} ${text.slice(match[0].length)}`;
}

/** An auxiliary, or a verb form that is not also a noun or an adjective: « est », « demandent », not « porte ». */
function hasVerbReading(lexicon: Lexicon, word: string): boolean {
  const parts = lexicon.partsOfSpeech(word);
  // « la pièce est incomplète »: an auxiliary is a verb even where the lexicon knows a noun too (« l’est »).
  if (parts.has('auxiliary')) return true;
  return parts.has('finite-verb') && !parts.has('noun') && !parts.has('adjective');
}

function dropLeadingConnector(text: string): string {
  let result = text;
  const opening = splitWords(result, 3);
  const firstWord = normalizeWord(opening.first).replace(/,$/u, '');
  const secondWord = normalizeWord(opening.second);
  // « Alors que… » opens a subordinate clause: « alors » goes with « que », not alone.
  if (LEADING_CONNECTORS.has(firstWord) && !(secondWord === 'que' || secondWord === "qu'")) {
    result = result.replace(/^\S+,?\s+/u, '');
  }
  const comma = result.indexOf(',');
  if (comma > 0) {
    const opener = result.slice(0, comma);
    // Only counts up to 16 matter: a long opener is not split whole.
    const openerWords = splitWords(opener, 17);
    const first = normalizeWord(openerWords.first);
    const second = normalizeWord(openerWords.second);
    // « Pourtant, », « Selon Libre, », « Après la brève éviction de…, », « Lorsque…, »: an adverbial
    // or subordinate clause before the comma; the main clause follows it.
    const isAdverbial =
      (openerWords.count <= 4 && findTransitionWords(opener).length > 0) ||
      (openerWords.count <= 12 && ADVERBIAL_OPENERS.has(first)) ||
      (openerWords.count <= 16 && isSubordinateOpener(first, second)) ||
      (openerWords.count <= 4 && TIME_WORDS.test(opener));
    if (isAdverbial) result = result.slice(comma + 1).trim();
  }
  return result;
}

/**
 * `text.split(/\s+/u, limit)`'s length and first two items ('' for a missing one), read in one scan of the
 * text: a split by a regular expression cost half of `dropLeadingConnector`.
 */
function splitWords(text: string, limit: number): { count: number; first: string; second: string } {
  let count = 1;
  let firstEnd = -1;
  let secondStart = -1;
  let secondEnd = -1;
  for (let index = 0; index < text.length && count < limit; index += 1) {
    if (!isWhiteSpace(text.charCodeAt(index))) continue;
    const runStart = index;
    while (index + 1 < text.length && isWhiteSpace(text.charCodeAt(index + 1))) index += 1;
    count += 1;
    if (firstEnd < 0) {
      firstEnd = runStart;
      secondStart = index + 1;
    } else if (secondEnd < 0) secondEnd = runStart;
  }
  if (firstEnd < 0) return { count, first: text, second: '' };
  return {
    count,
    first: text.slice(0, firstEnd),
    second: text.slice(secondStart, secondEnd < 0 ? text.length : secondEnd),
  };
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
  // Letters alone come before the match's comma, so it is the first one, right after « ment »: without
  // that, no regular expression (which V8 would try from every position of the sentence).
  const comma = text.indexOf(',');
  if (comma < 5 || !text.startsWith('ment', comma - 4)) return text;
  const match = ADVERB_OPENER.exec(text);
  return match ? text.slice(match[0].length) : text;
}

const ADVERB_OPENER = /^(\p{L}+ment),\s+(?=\p{Ll})/u;

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
