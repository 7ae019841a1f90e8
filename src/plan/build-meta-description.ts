import { createPhraseMatcher } from '../analyze/phrase-matcher.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { closedClassLexicon, type Lexicon } from '../lang/fr/lexicon.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { stem } from '../lang/fr/stem.js';
import { holdsWords, tokenizeWords, type WordToken } from '../lang/fr/tokenize-words.js';
import { capitalizeFirst } from './build-title.js';
import { pointsBackWithDemonstrative } from './demonstrative.js';
import { contentForms } from './keyphrase-presence.js';
import { LazyList } from './lazy-list.js';

export interface BuildMetaDescriptionOptions {
  keyphrase: string;
  /** Sentences of the lead, in reading order (summary bullets, introduction, first section). */
  sentences: readonly string[];
  /** Shortest description in characters (default: the audit's, 120). */
  minLength?: number;
  /** Longest description in characters (default: the audit's, 156). */
  maxLength?: number;
  /** Parts of speech, to keep a shortened sentence's verbs (default: closed classes only). */
  lexicon?: Lexicon;
  /**
   * How many of `sentences` are the lead (default: all). A sentence after the lead is read out of its
   * context: it cannot open a description on a definite subject that names something told before
   * (« Le site n’enregistre pas… »), unless that subject is the keyphrase.
   */
  leadLength?: number;
}

/** Pronouns and possessives that point to a sentence before: a description cannot open on them. */
const ANAPHORIC_OPENERS = new Set([
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
  'cet',
  'cette',
  'celui',
  'celle',
  'ceux',
  'celles',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'y',
  'en',
  'eux',
  // Connectors that answer the previous sentence.
  'mais',
  'et',
  'or',
  'donc',
  'car',
  'pourtant',
  'cependant',
  'ainsi',
  'toutefois',
  'néanmoins',
  'ensuite',
  'enfin',
  'puis',
  'alors',
  'sinon',
]);

/** Connectors of two words that answer the previous sentence (« Par conséquent, si le bon sens… »). */
const ANAPHORIC_OPENING_PHRASES = new Set([
  'par conséquent',
  'en effet',
  'de plus',
  'en revanche',
  'autrement dit',
  'du coup',
  'bien entendu',
  'en outre',
  'par ailleurs',
  'au contraire',
  'pour autant',
  'de ce fait',
  'dès lors',
  'en conséquence',
  'malgré cela',
  'à ce stade',
  // « De quoi faire gagner des points… »: elliptical, it answers what the previous sentence told.
  'de quoi',
]);

/** Rank penalties (a rank is about a sentence index): tiers that no position in the article outweighs. */
const WITHOUT_KEYPHRASE = 100_000;
/** The keyphrase's words as written, apart in one sentence: matched by Yoast SEO, behind the phrase itself. */
const APART = 1_000;
/** The keyphrase in another inflection only (« mot de passe » for « mots de passe »). */
const OTHER_FORM = 10_000;
/** Under the minimum length: after any description in bounds, with or without the keyphrase. */
const UNDER_MINIMUM = 1_000_000;
/**
 * A first sentence pointing back with a demonstrative (« …déplacer ce maillon faible… »): a reader of the
 * search result does not know which one. Ten sentences later, a sentence that stands alone is better.
 */
const DEMONSTRATIVE = 10;
/** A run with a sentence shortened at a clause boundary: behind the whole runs of the next twenty sentences. */
const SHORTENED = 20;

interface Candidate {
  text: string;
  rank: number;
}

/**
 * The meta description from the lead: one or two whole sentences of `minLength`–`maxLength`
 * characters with the keyphrase once. When no run of whole sentences fits, one is shortened at a
 * clause boundary (a parenthesis, an apposition, a trailing subordinate clause or aside) and still
 * ends as a sentence. Never « … », never a sentence that opens on a pronoun with no antecedent,
 * never the keyphrase or the title glued in front.
 */
export function buildMetaDescription(options: BuildMetaDescriptionOptions): string {
  const minLength = options.minLength ?? DEFAULT_AUDIT_CONFIG.metaDescription.minCharacters;
  const maxLength = options.maxLength ?? DEFAULT_AUDIT_CONFIG.metaDescription.maxCharacters;
  const lexicon = options.lexicon ?? closedClassLexicon;
  const { exactCount, counts } = keyphraseCounter(options.keyphrase);
  const occurrences = (text: string) => counts(text).any;
  // A sentence cut inside a quotation (« On a longtemps considéré… without its closing ») is not whole.
  // Cleaned as the search reaches them: it usually stops within the first sentences of the article.
  const cleaned = new LazyList(cleanSentences(options.sentences));
  // Complete sentences only; a lead made of list items and labels keeps what it has.
  const complete = new LazyList(completeSentences(cleaned));
  const sentences = complete.has(0) ? complete : cleaned;
  const { anaphoric, pointsBack } = contextReaders((index) => sentences.at(index) as string, options);
  const shortenedBySentence = new Map<string, Variants>();
  const withShortenings = (sentence: string): Variants => {
    let variants = shortenedBySentence.get(sentence);
    if (!variants) {
      const texts = [sentence, ...shortenings(sentence, lexicon)];
      variants = { texts, lengths: texts.map(length) };
      shortenedBySentence.set(sentence, variants);
    }
    return variants;
  };
  const fits = (text: string) => {
    const characters = length(text);
    return characters >= minLength && characters <= maxLength;
  };
  // The first candidate of lowest rank wins. A candidate whose rank before the keyphrase penalty
  // already ties the best cannot win, so its keyphrase is not even counted.
  // Set in `consider`: typed so that the loops below do not read it as always null.
  let best = null as Candidate | null;
  const consider = (text: string, rank: number) => {
    if (best && rank >= best.rank) return;
    // The keyphrase as written once or twice decides the penalty (0 or 5, see `penaltyOf`); any other
    // count costs APART, OTHER_FORM, OTHER_FORM + 5 or WITHOUT_KEYPHRASE: at least APART. A candidate
    // that cannot win even with APART (ties lose: the first of lowest rank wins) is left before its words
    // are tokenized and stemmed, most of a candidate's cost: the whole runs read after an early shortened
    // winner, or when no sentence has the keyphrase.
    const exact = exactCount(text);
    if (exact !== 1 && exact !== 2 && best && rank + APART >= best.rank) return;
    const keyphrasePenalty = exact === 1 ? 0 : exact === 2 ? 5 : penaltyOf(counts(text));
    if (!best || rank + keyphrasePenalty < best.rank) best = { text, rank: rank + keyphrasePenalty };
  };

  // Whether a run from `index` is whole in bounds with the keyphrase as written once or twice.
  const fitsWithKeyphrase = (index: number): boolean => {
    for (let count = 1; count <= 3 && sentences.has(index + count - 1); count += 1) {
      const text = sentences.slice(index, index + count).join(' ');
      const exact = exactCount(text);
      if ((exact === 1 || exact === 2) && fits(text)) return true;
    }
    return false;
  };
  // The best rank only falls and every candidate from `index` on ranks at least `index`: once the best
  // ranks lower, no later sentence can beat it.
  for (let index = 0; sentences.has(index); index += 1) {
    if (best && index >= best.rank) break;
    // Within SHORTENED of the best rank, shortened runs cannot win, nor whole ones with a penalty of
    // APART or more (see `consider`): only a whole run with the keyphrase as written once or twice can.
    // Without one, the sentence's context (anaphor, demonstrative) is not read: nothing here would change.
    if (best && index + SHORTENED >= best.rank && !fitsWithKeyphrase(index)) continue;
    if (anaphoric(index)) continue;
    const start = index + pointsBack(index);
    if (best && start >= best.rank) continue;
    for (let count = 1; count <= 3 && sentences.has(index + count - 1); count += 1) {
      const run = sentences.slice(index, index + count);
      const text = run.join(' ');
      const extra = start - index + (count - 1) * 0.5;
      if (fits(text)) consider(text, index + extra);
      if (count > 2) continue;
      if (best && index + extra + SHORTENED >= best.rank) continue;
      // Each sentence of the run whole or shortened at a clause boundary.
      for (const variant of fittingCombinations(run.map(withShortenings), minLength, maxLength)) {
        if (variant !== text) consider(variant, index + extra + SHORTENED);
      }
    }
  }
  // Two sentences of the opening that are not neighbours (summary bullets are often read that way).
  const opening = sentences.slice(0, 8);
  opening.forEach((first, index) => {
    if (anaphoric(index)) return;
    opening.forEach((second, other) => {
      if (other <= index + 1 || anaphoric(other)) return;
      const rank = other + 20 + pointsBack(index) + pointsBack(other);
      if (best && rank >= best.rank) return;
      for (const variant of fittingCombinations(
        [withShortenings(first), withShortenings(second)],
        minLength,
        maxLength,
      ))
        consider(variant, rank);
    });
  });
  // Last resort: a whole sentence with the keyphrase a little under the minimum (the audit will say so).
  for (let index = 0; sentences.has(index); index += 1) {
    // As above: past the best rank, every later sentence is too.
    if (best && index + UNDER_MINIMUM >= best.rank) break;
    const sentence = sentences.at(index) as string;
    if (anaphoric(index) || occurrences(sentence) === 0) continue;
    if (length(sentence) >= 0.75 * minLength && length(sentence) <= maxLength)
      consider(sentence, index + pointsBack(index) + UNDER_MINIMUM);
  }
  const chosen = best as Candidate | null;
  if (chosen) return chosen.text;
  return fallbackDescription(sentences.all(), anaphoric, options.keyphrase, maxLength, lexicon);
}

/** The sentences cleaned, without the empty ones and those cut inside a quotation. */
function* cleanSentences(sentences: readonly string[]): Generator<string> {
  for (const sentence of sentences) {
    const cleaned = cleanSentence(sentence);
    if (cleaned.length > 0 && hasBalancedQuotes(cleaned)) yield cleaned;
  }
}

function* completeSentences(cleaned: LazyList<string>): Generator<string> {
  for (let index = 0; cleaned.has(index); index += 1) {
    const sentence = cleaned.at(index) as string;
    if (isCompleteSentence(sentence)) yield sentence;
  }
}

/** When no description fits the bounds. */
function fallbackDescription(
  sentences: readonly string[],
  anaphoric: (index: number) => boolean,
  keyphrase: string,
  maxLength: number,
  lexicon: Lexicon,
): string {
  // Nothing fits the bounds: the longest run of whole sentences under the maximum, else the shortest
  // shortening of the first sentence. Complete sentences matter more than the character count.
  const whole = sentences
    .flatMap((_, index) => [1, 2, 3].map((count) => sentences.slice(index, index + count).join(' ')))
    .filter((text, index) => length(text) <= maxLength && !anaphoric(Math.floor(index / 3)))
    .sort((left, right) => length(right) - length(left))[0];
  if (whole) return whole;
  const first = sentences.find((_, index) => !anaphoric(index)) ?? sentences[0];
  if (!first) return capitalizeFirst(keyphrase.trim());
  // Over the maximum even shortened: cut between coordinated clauses (at a comma or « et »), the
  // longest cut that fits; a description over the bound would fail the article's own constraints.
  const byLength = (left: string, right: string) => length(right) - length(left);
  const shortened = [...shortenings(first, lexicon), first]
    .filter((cut) => length(cut) <= maxLength)
    .sort(byLength);
  if (shortened[0]) return shortened[0];
  const coordinated = coordinateCuts(first)
    .filter((cut) => length(cut) <= maxLength)
    .sort(byLength);
  return coordinated[0] ?? ([...shortenings(first, lexicon), first].sort(byLength).at(-1) as string);
}

/**
 * How each kept sentence reads out of its context, read lazily (the search usually stops within the first
 * sentences of a long article): whether it cannot open a description, and the rank it loses for pointing
 * back with a demonstrative.
 */
function contextReaders(
  sentenceAt: (index: number) => string,
  options: BuildMetaDescriptionOptions,
): { anaphoric: (index: number) => boolean; pointsBack: (index: number) => number } {
  // Sentences that open the lead, cleaned as `sentenceAt` gives them; none when the whole list is the lead.
  const leadText =
    options.leadLength === undefined
      ? undefined
      : new Set(options.sentences.slice(0, options.leadLength).map(cleanSentence));
  const keyphraseStems = tokenizeWords(options.keyphrase)
    .filter((token) => token.kind === 'word')
    .map((token) => stem(token.text));
  const anaphoricBySentence: (boolean | undefined)[] = [];
  const anaphoric = (index: number): boolean => {
    let value = anaphoricBySentence[index];
    if (value === undefined) {
      const sentence = sentenceAt(index);
      value =
        opensOnAnaphor(sentence) ||
        (leadText !== undefined &&
          !leadText.has(sentence) &&
          opensOnDefiniteSubject(sentence) &&
          !keyphraseOpens(sentence, keyphraseStems));
      anaphoricBySentence[index] = value;
    }
    return value;
  };
  // Asked again for the same sentences by the runs, the pairs of the opening and the last resort.
  const penaltyBySentence: (number | undefined)[] = [];
  const pointsBack = (index: number): number => {
    let penalty = penaltyBySentence[index];
    if (penalty === undefined) {
      penalty = pointsBackWithDemonstrative(tokenizeWords(sentenceAt(index))) ? DEMONSTRATIVE : 0;
      penaltyBySentence[index] = penalty;
    }
    return penalty;
  };
  return { anaphoric, pointsBack };
}

interface KeyphraseCount {
  /** The keyphrase as written, its words together. */
  exact: number;
  /** In any inflection, its words together. */
  any: number;
  /**
   * Every content word as written in one sentence, apart (« les plugins de Jekyll », « …plugins… Jekyll »):
   * what Yoast SEO and a search engine match.
   */
  scattered: boolean;
}

/**
 * How many times a text holds the keyphrase as written (`exactCount`: one regular expression), and in any
 * inflection (`counts`: its words tokenized and stemmed); each text counted once.
 */
function keyphraseCounter(keyphrase: string): {
  exactCount: (text: string) => number;
  counts: (text: string) => KeyphraseCount;
} {
  const matcher = createPhraseMatcher(keyphrase);
  const forms = contentForms(keyphrase);
  // Many variants share their text (a run and its shortenings).
  const exactByText = new Map<string, number>();
  const exactCount = (text: string): number => {
    let exact = exactByText.get(text);
    if (exact === undefined) {
      exact = matcher.exactIndices(text).length;
      exactByText.set(text, exact);
    }
    return exact;
  };
  const counted = new Map<string, KeyphraseCount>();
  const counts = (text: string): KeyphraseCount => {
    let count = counted.get(text);
    if (count === undefined) {
      const exact = exactCount(text);
      const tokens = tokenizeWords(text);
      const stems = tokens.filter((token) => token.kind !== 'elision').map((token) => stem(token.text));
      count = {
        exact,
        any: Math.max(exact, matcher.countInStems(stems)),
        scattered: exact === 0 && forms.length > 1 && writesFormsInOneSentence(text, tokens, forms),
      };
      counted.set(text, count);
    }
    return count;
  };
  return { exactCount, counts };
}

/** Whether one sentence of the text writes every form (a description has one or two sentences). */
function writesFormsInOneSentence(
  text: string,
  tokens: readonly WordToken[],
  forms: readonly string[],
): boolean {
  let written = new Set<string>();
  let previousEnd = 0;
  for (const token of tokens) {
    // A sentence ends between two words.
    if (/[.!?…]/u.test(text.slice(previousEnd, token.start))) written = new Set();
    previousEnd = token.end;
    if (token.kind !== 'word') continue;
    written.add(normalizeWord(token.text));
    if (forms.every((form) => written.has(form))) return true;
  }
  return false;
}

/**
 * The keyphrase once is the aim; twice is allowed; none only when no sentence in bounds holds it,
 * wherever in the article that sentence is (Yoast and search engines look for it, not for the lead).
 * As written (« mots de passe ») before another inflection (« mot de passe »), which Yoast SEO and a
 * reader's search do not match.
 */
function penaltyOf({ exact, any, scattered }: KeyphraseCount): number {
  if (exact === 1) return 0;
  if (exact === 2) return 5;
  if (scattered) return APART;
  if (any === 1) return OTHER_FORM;
  if (any === 2) return OTHER_FORM + 5;
  return WITHOUT_KEYPHRASE;
}

/** The sentence cut before a comma or « et » that joins two clauses, ended with its own punctuation. */
function coordinateCuts(sentence: string): string[] {
  const end = /(?:[ \u00a0\u202f]?[!?]|\.)$/u.exec(sentence)?.[0] ?? '.';
  const body = sentence.replace(/[\s.!?…]+$/u, '');
  const cuts: string[] = [];
  for (const match of body.matchAll(/,\s+|\s+et\s+/gu)) {
    const kept = body.slice(0, match.index).replace(/[\s,;:–—]+$/u, '');
    if (tokenizeWords(kept, 5).length < 5 || hasOpenQuote(kept)) continue;
    if (hasOpenParenthesis(kept) && !hasOpenParenthesis(sentence)) continue;
    // Inside a subordinate or relative clause a comma does not end a clause of the main sentence.
    if (/(?:^|\s)(?:que|qu’|qui|dont|où|lorsque|quand|si|comme)(?:\s|$)/iu.test(kept)) continue;
    if (/(?:^|\s)(?:de|des|du|la|le|les|l’|d’|à|au|aux|et|ou|que|qu’|un|une)$/iu.test(kept)) continue;
    cuts.push(`${kept}${end}`);
  }
  return cuts;
}

function hasOpenQuote(text: string): boolean {
  return !hasBalancedQuotes(text);
}

/**
 * A parenthesis opened and not closed: a cut inside it (« …la ville (depuis le lancement du réseau en
 * 2007. ») reads as broken. A stray closer (« 1) ») is the author's and opens nothing.
 */
function hasOpenParenthesis(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x28) depth += 1;
    else if (code === 0x29 && depth > 0) depth -= 1;
  }
  return depth > 0;
}

/** A sentence whole, then its shortenings, with their lengths in characters. */
interface Variants {
  texts: readonly string[];
  lengths: readonly number[];
}

/**
 * Every way of taking one variant per slot (one or two slots), joined with a space, in order (the first
 * slot's variants outermost), keeping those of `minLength`–`maxLength` characters. A length is the sum of
 * its parts' and of the joining spaces (a space never completes a surrogate pair): only the texts that fit
 * are built.
 */
function fittingCombinations(slots: readonly Variants[], minLength: number, maxLength: number): string[] {
  const fitting: string[] = [];
  const [first, second] = slots;
  if (first === undefined) return fitting;
  const fits = (characters: number) => characters >= minLength && characters <= maxLength;
  for (let index = 0; index < first.texts.length; index += 1) {
    const text = first.texts[index] as string;
    const characters = first.lengths[index] as number;
    if (second === undefined) {
      if (fits(characters)) fitting.push(text);
      continue;
    }
    for (let other = 0; other < second.texts.length; other += 1) {
      const otherText = second.texts[other] as string;
      const otherCharacters = second.lengths[other] as number;
      // As `${text} ${otherText}` would be written, an empty part without its space.
      const total =
        text === '' ? otherCharacters : otherText === '' ? characters + 1 : characters + 1 + otherCharacters;
      if (fits(total)) fitting.push(text === '' ? otherText : `${text} ${otherText}`);
    }
  }
  return fitting;
}

/** Characters as a reader counts them: code points, so an emoji is one. */
function length(text: string): number {
  // Spreading the text into an array only to count it was the slow part of the candidate search.
  let count = text.length;
  for (let index = 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const previous = text.charCodeAt(index - 1);
    if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) count -= 1;
  }
  return count;
}

function cleanSentence(sentence: string): string {
  let cleaned = sentence;
  // List bullets and blockquote markers are Markdown, not text.
  if (MARKER_START.test(cleaned)) cleaned = cleaned.replace(/^(?:[-–•*>]\s*)+/u, '');
  // Most sentences have plain single spaces only: nothing to replace, no copy.
  if (IRREGULAR_SPACE.test(cleaned)) cleaned = cleaned.replace(/\s+/gu, ' ');
  return cleaned.trim();
}

const MARKER_START = /^[-–•*>]/u;
/** A space other than a plain one, or two in a row: what `/\s+/gu → ' '` changes. */
const IRREGULAR_SPACE = /[^\S ]|\s\s/u;

/**
 * A sentence a search result can show alone: it ends on « . », « ! », « ? » or « … » (not on « : »
 * announcing a list, not on a list item's label « Durée de rétention : 7 jours » glued to the next
 * line), and holds no address or handle (« (https://t.co/…) », « @Truffaut ») nor an editor's
 * bracket (« [est] »), which belong to quotations and tweets, nor markup (« <picture> »,
 * « {hreflang="en"} ») printed as text.
 */
function isCompleteSentence(sentence: string): boolean {
  if (!/[.!?…][»”"')\]]*$/u.test(sentence)) return false;
  return !/https?:\/\/|www\.|(?:^|\s)@\w|\[[^\]]*\]|[{}<>]|\*\*|__/u.test(sentence);
}

/** As many « as », “ as ”, and an even number of ": counted in one pass, without an array per mark. */
function hasBalancedQuotes(sentence: string): boolean {
  let guillemets = 0;
  let curly = 0;
  let straight = 0;
  for (let index = 0; index < sentence.length; index += 1) {
    const code = sentence.charCodeAt(index);
    if (code === 0xab)
      guillemets += 1; // «
    else if (code === 0xbb)
      guillemets -= 1; // »
    else if (code === 0x201c)
      curly += 1; // “
    else if (code === 0x201d)
      curly -= 1; // ”
    else if (code === 0x22) straight += 1; // "
  }
  return guillemets === 0 && curly === 0 && straight % 2 === 0;
}

/** « Il semble que », « Il faut », « Il y a »: an impersonal « il » points to nothing before. */
const IMPERSONAL_VERBS = new Set([
  'semble',
  'faut',
  'suffit',
  'reste',
  'paraît',
  'parait',
  'existe',
  'y',
  'vaut',
  'importe',
  'convient',
  'manque',
]);

/** « Il s’agit de », « Il s’avère que »: impersonal too, after the reflexive « s’ ». */
const IMPERSONAL_REFLEXIVE_VERBS = new Set(['agit', 'avère', 'avérait', 'agissait']);

function opensOnAnaphor(sentence: string): boolean {
  const [first, second, third] = tokenizeWords(sentence, 3);
  if (first === undefined) return false;
  const opener = normalizeWord(first.text);
  if (opener === 'il' && second !== undefined && IMPERSONAL_VERBS.has(normalizeWord(second.text)))
    return false;
  if (
    opener === 'il' &&
    second?.kind === 'elision' &&
    normalizeWord(second.text) === "s'" &&
    third !== undefined &&
    IMPERSONAL_REFLEXIVE_VERBS.has(normalizeWord(third.text))
  )
    return false;
  if (ANAPHORIC_OPENERS.has(opener)) return true;
  return (
    second !== undefined &&
    ANAPHORIC_OPENING_PHRASES.has(`${normalizeWord(first.text)} ${normalizeWord(second.text)}`)
  );
}

const DEFINITE_ARTICLES = new Set(['le', 'la', 'les', "l'"]);

/** « Le site n’enregistre pas… »: a definite subject, which names something the article told before. */
function opensOnDefiniteSubject(sentence: string): boolean {
  const [first] = tokenizeWords(sentence, 1);
  return first !== undefined && DEFINITE_ARTICLES.has(normalizeWord(first.text));
}

/** « Les mots de passe aléatoires sont… »: the keyphrase within the sentence's first words is its subject. */
function keyphraseOpens(sentence: string, keyphraseStems: readonly string[]): boolean {
  const count = keyphraseStems.length + 3;
  // `tokenizeWords` may give one token more (an elision and its word): the first `count` only.
  const opening = new Set(
    tokenizeWords(sentence, count)
      .slice(0, count)
      .map((token) => stem(token.text)),
  );
  return keyphraseStems.length > 0 && keyphraseStems.every((wordStem) => opening.has(wordStem));
}

/**
 * Clause boundaries where the rest of the sentence can go: the kept part is still a sentence. A trailing
 * participial clause is one (« …composants électroniques, le rendant forcément inutilisable »).
 */
const TRAILING_CLAUSE =
  /,\s+(?:(?:alors que|tandis que|parce que|car|mais|avec|même si|bien que|puisque|lorsque|quand|si bien que|de sorte que|au sens où|ce qui|ce que|afin de|afin que|pour que|qui|dont|où|selon|notamment|comme|y compris|avant de|après avoir|sans)\s|(?:parce qu|bien qu|puisqu|lorsqu|ce qu|afin d|avant d)['’])|,\s+(?:(?:le|la|les|lui|leur|en|y|se)\s+|[ls]['’])?\p{Ll}{2,}ant\s|\s+[–—]\s|\s+(?:(?:alors que|tandis que|parce que|même si|afin de|afin que|pour que|si bien que)\s|(?:parce qu|afin d)['’])/gu;
/** A subordinate or relative clause opened after the last comma: cut there, it may lack its verb. */
const SUBORDINATE_IN_LAST_CLAUSE =
  /(?:^|\s)(?:(?:que|qui|dont|où|lorsque|quand|si|comme)\s|(?:qu|lorsqu)’)[^,]*$/iu;
const PARENTHESIS = /\s*\([^()]*\)/gu;

/** Coordinators: a comma-separated part opening on one is a clause of its own, never an apposition. */
const COORDINATORS = /^(?:car|mais|et|ou|donc|or|ni|puis)(?:\s|$)/iu;
/** Determiners that open a subject: a comma-separated part opening on one has its verb after it. */
const SUBJECT_DETERMINERS =
  /^(?:le|la|les|l['’]|un|une|des|ce|cet|cette|ces|son|sa|ses|leur|leurs|mon|ma|mes|notre|nos|votre|vos)(?:\s|$)/iu;

/** A part of the sentence between two commas, with what comes before and after it (commas excluded). */
interface PartBetweenCommas {
  before: string;
  aside: string;
  after: string;
}

/** Every part between two commas: an aside holds no sentence punctuation and 3–80 characters. */
function partsBetweenCommas(body: string): PartBetweenCommas[] {
  const commas = [...body.matchAll(/,\s+/gu)];
  const parts: PartBetweenCommas[] = [];
  for (let index = 0; index + 1 < commas.length; index += 1) {
    const opening = commas[index] as RegExpMatchArray;
    const closing = commas[index + 1] as RegExpMatchArray;
    const asideStart = (opening.index ?? 0) + opening[0].length;
    const aside = body.slice(asideStart, closing.index);
    if (aside.length < 3 || aside.length > 80 || /[.!?;:]/u.test(aside)) continue;
    parts.push({
      before: body.slice(0, opening.index),
      aside,
      after: body.slice((closing.index ?? 0) + closing[0].length),
    });
  }
  return parts;
}

/** An aside opening on these gives examples or a precision: it can go wherever it stands. */
const EXAMPLE_OPENERS = /^(?:comme|notamment|par exemple|en particulier|y compris|que ce soit)(?:\s|$)/iu;

/** Subject pronouns and the negation: a part holding one is a clause, never an apposition. */
const CLAUSE_MARKERS = new Set(['je', "j'", 'tu', 'il', 'elle', 'on', 'ils', 'elles', 'ne', "n'"]);

/**
 * « Mustafa Suleyman, cofondateur de DeepMind, a quitté… »: an aside between commas, after at least two
 * words, between a subject and its verb — or opening on « comme », « notamment » (examples can go
 * wherever they stand). Not « Néanmoins, ces méthodes sont inutilisables, car… » (an opener, then the main
 * clause), nor « un bogue, un virus, une vulnérabilité » (an enumeration), nor « Selon moi, glanner… n’est
 * pas suffisant, il faut… » (a clause with its own verb), nor « un mot de passe fort, ou plutôt une phrase
 * de passe » (a coordinated phrase).
 */
function isAside(before: string, aside: string, after: string, lexicon: Lexicon): boolean {
  // Two words before the aside, read from the first ones only: `before` is often most of the sentence.
  if (!holdsWords(before, 2)) return false;
  const trimmedAside = aside.trim();
  const trimmedAfter = after.trim();
  if (COORDINATORS.test(trimmedAside) || COORDINATORS.test(trimmedAfter)) return false;
  if (EXAMPLE_OPENERS.test(trimmedAside)) return true;
  if (holdsClause(trimmedAside, lexicon)) return false;
  return opensOnVerb(trimmedAfter, lexicon);
}

/** « a quitté », « ne peut », « s’est »: what follows a subject. */
function opensOnVerb(text: string, lexicon: Lexicon): boolean {
  const [next] = tokenizeWords(text);
  if (next === undefined) return false;
  const word = normalizeWord(next.text);
  if (word === 'ne' || word === "n'" || word === 'se' || word === "s'") return true;
  const parts = lexicon.partsOfSpeech(next.text);
  return parts.has('finite-verb') || parts.has('auxiliary');
}

/** Whether a part has its own subject or verb: « vous avez tout compris », « je n’ai plus de facture ». */
function holdsClause(part: string, lexicon: Lexicon): boolean {
  const tokens = tokenizeWords(part);
  return tokens.some((token, index) => {
    const word = normalizeWord(token.text);
    if (CLAUSE_MARKERS.has(word)) return true;
    // « vous » opening a part is its subject; further on it may be an object (« merci à vous »).
    if (word === 'vous' || word === 'nous') return index === 0;
    const parts = lexicon.partsOfSpeech(token.text);
    if (parts.has('auxiliary')) return !NOUN_CONTEXT.has(normalizeWord(tokens[index - 1]?.text ?? ''));
    // « dotés des plus gros soldes »: a verb form that is also a noun or an adjective is read as one here.
    return parts.has('finite-verb') && !parts.has('noun') && !parts.has('adjective');
  });
}

const NOUN_CONTEXT = new Set(['de', "d'", 'du', 'des', 'le', 'la', 'les', "l'", 'un', 'une']);

/**
 * « Comprenez-moi bien, les recommandations habituelles sur les mots de passe »: the part after the
 * last comma opens a subject whose verb was cut away.
 */
function lastClauseLacksVerb(kept: string, lexicon: Lexicon): boolean {
  const comma = kept.lastIndexOf(',');
  if (comma < 0) return false;
  const clause = kept.slice(comma + 1).trim();
  if (!SUBJECT_DETERMINERS.test(clause)) return false;
  const tokens = tokenizeWords(clause);
  return !tokens.some((token, index) => {
    const parts = lexicon.partsOfSpeech(token.text);
    // « mots de passe »: after « de » or a determiner, a verb form is the noun it also is.
    const previous = normalizeWord(tokens[index - 1]?.text ?? '');
    if (NOUN_CONTEXT.has(previous)) return false;
    return parts.has('finite-verb') || parts.has('auxiliary');
  });
}

/**
 * The sentence shortened at its clause boundaries, each ending with the sentence's own final
 * punctuation: without a parenthesis, without an apposition, cut before a trailing subordinate
 * clause or aside, and combinations of these. Longest first.
 */
export function shortenings(sentence: string, lexicon: Lexicon = closedClassLexicon): string[] {
  const end = /(?:[ \u00a0\u202f]?[!?]|\.)$/u.exec(sentence)?.[0] ?? '.';
  const body = sentence.replace(/[\s.!?…]+$/u, '');
  const variants = new Set<string>();
  const withoutParentheses = body.replace(PARENTHESIS, '');
  for (const base of new Set([body, withoutParentheses])) {
    variants.add(base);
    for (const { before, aside, after } of partsBetweenCommas(base)) {
      if (!isAside(before, aside, after, lexicon)) continue;
      // Between a subject and its verb the aside goes with both commas; elsewhere the first one stays
      // (« …des fichiers, que ce soit à cause… »).
      variants.add(opensOnVerb(after, lexicon) ? `${before} ${after}` : `${before}, ${after}`);
    }
    for (const current of [...variants]) {
      for (const match of current.matchAll(TRAILING_CLAUSE)) {
        const kept = current.slice(0, match.index);
        if (tokenizeWords(kept, 5).length < 5) continue;
        // A dash may open an aside whose closing dash the author forgot, before the verb: « je découvre
        // que mon minuteur — un Gardena s’est rempli d’eau » must not become « …que mon minuteur. »
        if (/^\s+[–—]/u.test(match[0]) && SUBORDINATE_IN_LAST_CLAUSE.test(kept)) continue;
        if (lastClauseLacksVerb(kept, lexicon)) continue;
        variants.add(kept);
      }
    }
  }
  variants.delete(body);
  // A parenthesis the author left open is theirs: only a cut may not open one.
  const authorLeftOpen = hasOpenParenthesis(sentence);
  // One loop, not `map` then `filter`: see nounPhrases (headline-from-sentence.ts).
  const shortened: string[] = [];
  for (const variant of variants) {
    const kept = variant.replace(/[\s,;:–—]+$/u, '');
    // Cut at a dash after a sentence of its own (« …ton Ennemi. – Sun Tzu »): its own stop ends it.
    const ended = /[.!?…][»”"')\]]*$/u.test(kept) ? kept : `${kept}${end}`;
    if (/(?:^|\s)(?:de|des|du|la|le|les|l’|d’|à|au|aux|et|ou|que|qu’)\.$/iu.test(ended)) continue;
    if (authorLeftOpen || !hasOpenParenthesis(ended)) shortened.push(ended);
  }
  return shortened.sort((left, right) => length(right) - length(left));
}
