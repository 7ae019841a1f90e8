import { createPhraseMatcher } from '../analyze/phrase-matcher.js';
import { hasUppercaseInitial } from '../character-class.js';
import type { Lexicon } from '../lang/fr/lexicon.js';
import { foldAccents, normalizeWord } from '../lang/fr/normalize-word.js';
import { segmentSentences } from '../lang/fr/segment-sentences.js';
import { stemNormalized } from '../lang/fr/stem.js';
import { isStopword } from '../lang/fr/stopwords.js';
import { tokenizeWords, type WordToken } from '../lang/fr/tokenize-words.js';
import type { SitePage } from './site-page.js';

/**
 * A paragraph of the article's body, as plain text, with the spans of it a link may be put on (its text
 * nodes: not code, not an existing link).
 */
export interface LinkableParagraph {
  text: string;
  ranges: ReadonlyArray<readonly [start: number, end: number]>;
  /** The introduction (default: the first paragraph given): no link in its first sentence. */
  introduction?: boolean;
}

export interface PlannedLink {
  /** Index of the paragraph in the list given. */
  paragraph: number;
  start: number;
  end: number;
  page: SitePage;
  /** The article's words that carry the link: `text.slice(start, end)`. */
  anchor: string;
}

export interface InternalLinkOptions {
  /** The article's focus keyphrase: an anchor holding it would compete with the article (never used). */
  keyphrase: string;
  /** The article's own address: its page is not linked to. */
  ownUrl?: string;
  /**
   * The article's own slug: a page whose address ends with it is the article itself (a site's sitemap lists
   * every article, and a batch or an article without `--url` has no address to compare).
   */
  ownSlug?: string;
  /** Addresses the article already links to: their pages are not linked again. */
  linkedUrls?: readonly string[];
  /** Words of the body: at most one link per {@link WORDS_PER_LINK}. */
  words: number;
  /** Parts of speech, to keep anchors to noun phrases (default: none, every word taken as a noun). */
  lexicon?: Lexicon;
}

/** At most one link to a site page per this many words of body, and never more than {@link MAX_LINKS}. */
export const WORDS_PER_LINK = 150;
export const MAX_LINKS = 5;
/**
 * Longest anchor, in words other than « de », « la », « en »… (« craqueurs de mots de passe » has 3): a noun
 * phrase, not a clause.
 */
const MAX_ANCHOR_WORDS = 4;

/**
 * « Maillage interne »: where the article's own words can link to the site's other pages. For each page,
 * the first occurrence in a body paragraph of its keyphrase, else of a 1–4-word noun phrase of its title,
 * compared by stem and without accents (a sitemap address has none), longer phrases preferred. Never in the
 * introduction's first sentence, inside a « quote », across a code span or an existing link; never on the
 * article's own keyphrase (the link would compete with the article); a lone word only when the page's
 * title sets it apart (« Diceware, mots de passe et dés ») and it is a name or a term the lexicon does not
 * know, never a common word (« sécurité »). One link per page and per paragraph. Pure: the caller puts
 * the links in the tree.
 */
export function planInternalLinks(
  paragraphs: readonly LinkableParagraph[],
  pages: readonly SitePage[],
  options: InternalLinkOptions,
): PlannedLink[] {
  const limit = Math.min(MAX_LINKS, Math.max(1, Math.floor(options.words / WORDS_PER_LINK)));
  if (pages.length === 0 || paragraphs.length === 0) return [];
  const { candidates, index } = phraseIndexOf(pages);
  const excludedUrl = excludedPages([options.ownUrl ?? [], options.linkedUrls ?? []].flat());
  const ownSlug = options.ownSlug?.trim().toLowerCase();
  const excluded = (comparable: string) =>
    excludedUrl(comparable) ||
    (ownSlug !== undefined && ownSlug !== '' && lastSegmentOf(comparable) === ownSlug);
  const keyphrase = options.keyphrase.trim() ? createPhraseMatcher(options.keyphrase) : null;
  // The same words recur (« mot de passe » ten times): each anchor is matched against the keyphrase once.
  const competing = new Map<string, boolean>();
  const competes = (anchor: string) => {
    let known = competing.get(anchor);
    if (known === undefined) {
      known = keyphrase?.match(anchor).allContentWords ?? false;
      competing.set(anchor, known);
    }
    return known;
  };
  const occurrences: Occurrence[] = [];
  const marked = paragraphs.some((paragraph) => paragraph.introduction !== undefined);
  paragraphs.forEach((paragraph, paragraphIndex) => {
    const introduction = marked ? paragraph.introduction === true : paragraphIndex === 0;
    const blocked = blockedSpans(paragraph.text, introduction);
    const tokens = tokenizeWords(paragraph.text);
    const keys = tokens.map(keyOf);
    for (let first = 0; first < tokens.length; first++) {
      for (const phrase of index.get(keys[first] as string) ?? []) {
        if (excluded((candidates[phrase.page] as { comparable: string }).comparable)) continue;
        const last = first + phrase.keys.length - 1;
        if (!matchesAt(phrase, keys, tokens, paragraph.text, first)) continue;
        const start = (tokens[first] as WordToken).start;
        const end = (tokens[last] as WordToken).end;
        if (!insideOneRange(paragraph.ranges, start, end)) continue;
        if (continuesWithComplement(tokens, keys, paragraph.text, last)) continue;
        if (blocked.some(([from, to]) => start < to && end > from)) continue;
        const anchor = paragraph.text.slice(start, end);
        if (!phrase.fromKeyphrase && !isNounPhrase(tokens.slice(first, last + 1), options.lexicon)) continue;
        if (competes(anchor)) continue;
        occurrences.push({ phrase, paragraph: paragraphIndex, start, end, anchor });
      }
    }
  });
  return chooseLinks(
    occurrences,
    candidates.map((candidate) => candidate.page),
    limit,
  );
}

interface LinkPhrase {
  page: number;
  keys: string[];
  /** Content words: a longer phrase is a surer sign that the paragraph speaks of the page. */
  weight: number;
  fromKeyphrase: boolean;
}

interface Occurrence {
  phrase: LinkPhrase;
  paragraph: number;
  start: number;
  end: number;
  anchor: string;
}

interface PhraseIndex {
  /** The pages, once per address. */
  candidates: Array<{ page: SitePage; comparable: string }>;
  /** Phrases by the key of their first word. */
  index: Map<string, LinkPhrase[]>;
}

/**
 * Built once per list of pages: a draft is polished several times (the LLM writer's repair rounds), and a
 * batch or a server may share one site's list between articles.
 */
const phraseIndexes = new WeakMap<readonly SitePage[], PhraseIndex>();

function phraseIndexOf(pages: readonly SitePage[]): PhraseIndex {
  const known = phraseIndexes.get(pages);
  if (known) return known;
  const seen = new Set<string>();
  const candidates: PhraseIndex['candidates'] = [];
  for (const page of pages) {
    const comparable = comparableUrl(page.url);
    if (seen.has(comparable)) continue;
    seen.add(comparable);
    candidates.push({ page, comparable });
  }
  const built = { candidates, index: indexPhrases(candidates.map((candidate) => candidate.page)) };
  phraseIndexes.set(pages, built);
  return built;
}

/**
 * Whether a page is one of these addresses: the same absolute address, or the same path when either is
 * written from the site's root (`/a/` is `https://exemple.fr/a/` on the site). Other links (`#x`,
 * `image.png`, `mailto:`) name no page.
 */
function excludedPages(urls: readonly string[]): (comparable: string) => boolean {
  const absolute = new Set<string>();
  const allPaths = new Set<string>();
  const rootPaths = new Set<string>();
  for (const url of urls) {
    if (!/^(https?:\/\/|\/(?!\/))/iu.test(url.trim())) continue;
    const comparable = comparableUrl(url);
    const path = pathOf(comparable);
    allPaths.add(path);
    if (path === comparable) rootPaths.add(path);
    else absolute.add(comparable);
  }
  return (comparable) => {
    const path = pathOf(comparable);
    return path === comparable ? allPaths.has(path) : absolute.has(comparable) || rootPaths.has(path);
  };
}

/** The last segment of an address's path, in lower case and without an extension (`/blog/mon-article.html`). */
function lastSegmentOf(comparable: string): string {
  const segment = pathOf(comparable).split('/').pop() ?? '';
  return segment.replace(/\.[a-z0-9]+$/iu, '').toLowerCase();
}

function pathOf(comparable: string): string {
  return comparable.replace(/^https:\/\/[^/]+/u, '');
}

/** An address as two spellings of one page compare: no fragment, query or final slash, host in lower case. */
export function comparableUrl(url: string): string {
  const bare = url.trim().replace(/[#?].*$/u, '');
  const match = /^(https?:\/\/[^/]+)(.*)$/iu.exec(bare);
  const path = (match ? (match[2] as string) : bare).replace(/\/+$/u, '');
  return match ? `${(match[1] as string).toLowerCase().replace(/^http:/u, 'https:')}${path}` : path;
}

/**
 * « de », « des », « du », « d’ » are one word for matching (« transferts de fichiers » = « transfert des
 * fichiers »), and so are the articles and « à » with its contractions; other words match by stem, accents
 * removed so that a sitemap's « securite » finds « sécurité ».
 */
const JOINERS: ReadonlyMap<string, string> = new Map([
  ['de', '~de'],
  ['des', '~de'],
  ['du', '~de'],
  ["d'", '~de'],
  ['le', '~le'],
  ['la', '~le'],
  ['les', '~le'],
  ["l'", '~le'],
  ['à', '~a'],
  ['au', '~a'],
  ['aux', '~a'],
  ['en', '~en'],
]);
/** The key of « de », « des », « du », « d’ ». */
const DE_KEY = '~de';

/** Joiners' keys start with « ~ », which no stem does: « dés » (stem « de ») never matches « des ». */
function keyOf(token: WordToken): string {
  const known = keyMemo.get(token.text);
  if (known !== undefined) return known;
  const word = normalizeWord(token.text);
  const key = JOINERS.get(word) ?? stemNormalized(foldAccents(word));
  if (keyMemo.size >= KEY_MEMO_LIMIT) keyMemo.clear();
  keyMemo.set(token.text, key);
  return key;
}

/** Keys of words as written: an article repeats its words, a site's titles share theirs. */
const keyMemo = new Map<string, string>();
const KEY_MEMO_LIMIT = 50_000;

function isJoiner(token: WordToken): boolean {
  return JOINERS.has(normalizeWord(token.text));
}

/** A title cut where a phrase cannot run on: punctuation, a spaced dash. */
const TITLE_BREAKS = /[:;,.!?…()[\]{}«»"“”|/–—]+|\s-\s/u;

function indexPhrases(pages: readonly SitePage[]): Map<string, LinkPhrase[]> {
  const index = new Map<string, LinkPhrase[]>();
  const known = new Set<string>();
  const add = (phrase: LinkPhrase) => {
    const identity = `${phrase.page}\0${phrase.keys.join(' ')}`;
    if (known.has(identity)) return;
    known.add(identity);
    const first = phrase.keys[0] as string;
    const list = index.get(first);
    if (list) list.push(phrase);
    else index.set(first, [phrase]);
  };
  pages.forEach((page, pageIndex) => {
    const keyphrase = page.keyphrase?.trim();
    if (keyphrase) {
      const tokens = tokenizeWords(keyphrase);
      const content = tokens.filter((token) => !isStopword(normalizeWord(token.text)));
      if (content.length > 0)
        add({ page: pageIndex, keys: tokens.map(keyOf), weight: 10 + content.length, fromKeyphrase: true });
    }
    for (const chunk of page.title.split(TITLE_BREAKS)) addTitlePhrases(chunk, pageIndex, add);
  });
  return index;
}

/**
 * The phrases of one stretch of a title: every run of up to {@link MAX_ANCHOR_WORDS} words that opens and
 * ends on a content word, with only content words and « de », « la », « en »… between.
 */
function addTitlePhrases(chunk: string, page: number, add: (phrase: LinkPhrase) => void): void {
  const tokens = tokenizeWords(chunk).filter((token) => token.kind !== 'number');
  const content = tokens.map(isContentWord);
  const joiner = tokens.map(isJoiner);
  const keys = tokens.map(keyOf);
  // A lone word only when the title sets it apart (« Diceware, mots de passe et dés »): then it is
  // the page's subject, not one word of it (« Twitter » in « Le SAV de Truffaut via Twitter »).
  const alone = content.filter(Boolean).length === 1;
  for (let first = 0; first < tokens.length; first++) {
    if (!content[first]) continue;
    let weight = 0;
    for (let last = first; last < tokens.length; last++) {
      if (!content[last] && !joiner[last]) break;
      if (content[last]) weight += 1;
      if (weight > MAX_ANCHOR_WORDS) break;
      if (!content[last] || (weight === 1 && !alone)) continue;
      add({ page, keys: keys.slice(first, last + 1), weight, fromKeyphrase: false });
    }
  }
}

function isContentWord(token: WordToken): boolean {
  if (token.kind !== 'word') return false;
  const word = normalizeWord(token.text);
  return !isStopword(word) && !JOINERS.has(word);
}

/** The phrase's words follow one another in the text, nothing but spaces between them. */
function matchesAt(
  phrase: LinkPhrase,
  keys: readonly string[],
  tokens: readonly WordToken[],
  text: string,
  first: number,
): boolean {
  if (first + phrase.keys.length > tokens.length) return false;
  for (let offset = 1; offset < phrase.keys.length; offset++) {
    if (keys[first + offset] !== phrase.keys[offset]) return false;
    const before = tokens[first + offset - 1] as WordToken;
    const gap = text.slice(before.end, (tokens[first + offset] as WordToken).start);
    if (!/^[\s\u00a0\u202f]*$/u.test(gap)) return false;
  }
  return true;
}

/**
 * The noun phrase goes on after the words found (« craqueurs de mots » + « de passe »): an anchor cut there
 * would split a compound, so it is not taken. « de », « du », « des », « d’ » then a content word, spaces
 * only between them.
 */
function continuesWithComplement(
  tokens: readonly WordToken[],
  keys: readonly string[],
  text: string,
  last: number,
): boolean {
  const joiner = tokens[last + 1];
  const next = tokens[last + 2];
  if (joiner === undefined || next === undefined || keys[last + 1] !== DE_KEY) return false;
  const spaces = /^[\s\u00a0\u202f]*$/u;
  return (
    spaces.test(text.slice((tokens[last] as WordToken).end, joiner.start)) &&
    spaces.test(text.slice(joiner.end, next.start)) &&
    isContentWord(next)
  );
}

function insideOneRange(ranges: LinkableParagraph['ranges'], start: number, end: number): boolean {
  return ranges.some(([from, to]) => start >= from && end <= to);
}

/** Quotes (« … », “ … ”) and, in the introduction, its first sentence: no link there. */
function blockedSpans(text: string, introduction: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const quote of text.matchAll(/«[^»]*»|“[^”]*”|"[^"]*"/gu))
    spans.push([quote.index, quote.index + quote[0].length]);
  if (introduction) {
    const first = segmentSentences(text)[0];
    if (first) spans.push([0, first.end]);
  }
  return spans;
}

/**
 * The words found read as a noun phrase: its first word a noun (or an adjective before one: « gros
 * fichiers »), no verb-only or adverb-only word, and a lone word only if it is a name or unknown to the
 * lexicon (a brand, a technical term) of four letters or more. Checked on the article's words, accented
 * and capitalised as written, not on the page's (a sitemap's words are bare).
 */
function isNounPhrase(tokens: readonly WordToken[], lexicon: Lexicon | undefined): boolean {
  const content = tokens.filter((token) => !isJoiner(token));
  const partsOf = (token: WordToken) => lexicon?.partsOfSpeech(token.text) ?? EMPTY_PARTS;
  if (content.length === 0) return false;
  if (content.length === 1) {
    const word = content[0] as WordToken;
    const parts = partsOf(word);
    const name = lexicon ? parts.size === 0 || parts.has('proper-noun') : hasUppercaseInitial(word.text);
    return name && word.text.length >= 4;
  }
  if (!content.every((token) => isNominal(partsOf(token)))) return false;
  const first = partsOf(content[0] as WordToken);
  if (isNoun(first)) return true;
  const second = content[1] as WordToken;
  return first.has('adjective') && tokens[1] === second && isNoun(partsOf(second));
}

const EMPTY_PARTS: ReadonlySet<string> = new Set();

/** Unknown words (names, terms) count as nouns. */
function isNoun(parts: ReadonlySet<string>): boolean {
  return parts.size === 0 || parts.has('noun') || parts.has('proper-noun');
}

function isNominal(parts: ReadonlySet<string>): boolean {
  return isNoun(parts) || parts.has('adjective') || parts.has('past-participle');
}

/**
 * Pages by their best occurrence (their keyphrase, then the longest phrase, then the earliest), each page
 * linked once at its best occurrence that shares no paragraph with a link already chosen.
 */
function chooseLinks(
  occurrences: readonly Occurrence[],
  pages: readonly SitePage[],
  limit: number,
): PlannedLink[] {
  const byPage = new Map<number, Occurrence[]>();
  for (const occurrence of occurrences) {
    const list = byPage.get(occurrence.phrase.page) ?? [];
    list.push(occurrence);
    byPage.set(occurrence.phrase.page, list);
  }
  const better = (a: Occurrence, b: Occurrence) =>
    b.phrase.weight - a.phrase.weight || a.paragraph - b.paragraph || a.start - b.start;
  const ranked = [...byPage.values()].map((list) => list.sort(better));
  ranked.sort((a, b) => better(a[0] as Occurrence, b[0] as Occurrence));
  const chosen: PlannedLink[] = [];
  const usedParagraphs = new Set<number>();
  for (const list of ranked) {
    if (chosen.length >= limit) break;
    const occurrence = list.find((candidate) => !usedParagraphs.has(candidate.paragraph));
    if (!occurrence) continue;
    usedParagraphs.add(occurrence.paragraph);
    chosen.push({
      paragraph: occurrence.paragraph,
      start: occurrence.start,
      end: occurrence.end,
      page: pages[occurrence.phrase.page] as SitePage,
      anchor: occurrence.anchor,
    });
  }
  return chosen.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
