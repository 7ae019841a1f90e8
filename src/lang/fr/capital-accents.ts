import { isLetterOrDigit, isLowercaseLetter } from '../../character-class.js';
import { isWhiteSpace } from './is-white-space.js';
import type { Lexicon, PartOfSpeech } from './lexicon.js';

/**
 * « Evaluer » → « Évaluer », « l'Etat » → « l'État », « Ca » → « Ça »: French capitals keep their
 * accents (Académie française, Imprimerie nationale), and many authors type them bare because a keyboard
 * makes « É » hard. Only a word whose bare form is no French word and whose accented form is one common
 * word (not only a name) is changed, so names (« Eric », « Eleventy »), acronyms (« ETAT »), foreign
 * words and words that exist both ways (« Ou » / « Où ») keep what the author wrote. Pure: the lexicon is
 * given.
 */
export function restoreCapitalAccents(text: string, lexicon: Lexicon): string {
  let result = '';
  let kept = 0;
  for (const { start, word } of bareCapitalWords(text)) {
    const accented = accentedForm(word, lexicon);
    if (accented === null) continue;
    result += text.slice(kept, start) + accented;
    kept = start + word.length;
  }
  return kept === 0 ? text : result + text.slice(kept);
}

/** A bare capital and the accented word it stands for, at `start`–`end` of the text. */
export interface BareCapital {
  start: number;
  end: number;
  found: string;
  expected: string;
}

/** Where {@link restoreCapitalAccents} would restore an accent, with the same lexicon: what the audit reports. */
export function findBareCapitals(text: string, lexicon: Lexicon): BareCapital[] {
  const found: BareCapital[] = [];
  for (const { start, word } of bareCapitalWords(text)) {
    const accented = accentedForm(word, lexicon);
    if (accented !== null) found.push({ start, end: start + word.length, found: word, expected: accented });
  }
  return found;
}

/**
 * Whole words opening on a bare capital followed by lower-case letters (« Etat », « Ca »), at the start
 * of the text or after a space, an opening sign, Markdown emphasis or an elision (« l'Etat »), and not
 * followed by `/`, `@`, `_` or a `.` that continues a name, so file names and addresses that survived
 * into text are left alone. A hyphen ends the word: « Etats-Unis », « Etes-vous ». The matches of
 * `/(^|[\s«“"([—–'’*_])([EC]\p{Ll}+)(?![\p{L}\p{N}])(?![_/@][\p{L}\p{N}])(?!\.[\p{L}\p{N}])/gu`, found by
 * hand: that pattern took 1 to 4 ms to compile at each start (the audit's and the writer's), for words
 * most texts do not have.
 */
export function bareCapitalWords(text: string): { start: number; word: string }[] {
  const words: { start: number; word: string }[] = [];
  // From one capital E or C to the next (found natively): most characters are never looked at.
  CAPITAL_E_OR_C.lastIndex = 0;
  for (;;) {
    const found = CAPITAL_E_OR_C.exec(text);
    if (found === null) return words;
    const start = found.index;
    // At the text's start, or after a sign (never a letter: the previous word found cannot hold it).
    if (start > 0 && !isBeforeBareCapital(text.charCodeAt(start - 1))) continue;
    const end = bareCapitalWordEnd(text, start);
    if (end === -1) continue;
    words.push({ start, word: text.slice(start, end) });
    CAPITAL_E_OR_C.lastIndex = end;
  }
}

const CAPITAL_E_OR_C = /[EC]/g;

/** Where the bare-capital word at `start` ends, or -1 when none starts there (see {@link bareCapitalWords}). */
function bareCapitalWordEnd(text: string, start: number): number {
  const capital = text.charCodeAt(start);
  if (capital !== 0x45 && capital !== 0x43) return -1;
  let end = start + 1;
  for (;;) {
    const codePoint = text.codePointAt(end);
    if (codePoint === undefined || !isLowercaseLetter(codePoint)) break;
    end += codePoint > 0xffff ? 2 : 1;
  }
  if (end === start + 1) return -1;
  // The word goes on (a capital, a digit), or continues a file name, an address or a name.
  const next = text.codePointAt(end);
  if (next === undefined) return end;
  if (isLetterOrDigit(next)) return -1;
  if (next === 0x5f || next === 0x2f || next === 0x40 || next === 0x2e) {
    const after = text.codePointAt(end + 1);
    if (after !== undefined && isLetterOrDigit(after)) return -1;
  }
  return end;
}

/** `[\s«“"([—–'’*_]`: what may stand before a bare capital. */
function isBeforeBareCapital(code: number): boolean {
  switch (code) {
    case 0xab: // «
    case 0x201c: // “
    case 0x22: // "
    case 0x28: // (
    case 0x5b: // [
    case 0x2014: // —
    case 0x2013: // –
    case 0x27: // '
    case 0x2019: // ’
    case 0x2a: // *
    case 0x5f: // _
      return true;
    default:
      return isWhiteSpace(code);
  }
}

/**
 * The accented spellings a bare capital may stand for. Only « E » and « C »: they are the capitals
 * authors leave bare (« Etat », « Ca »), while a bare « A », « I », « O » or « U » more often hides
 * an accent further on that a capital cannot fix (« Apres » would become « Âpres », another word);
 * the preposition « À » has its own rule (`fixCapitalPreposition`).
 */
const ACCENTED_CAPITALS: Readonly<Record<string, readonly string[]>> = {
  E: ['É', 'È', 'Ê'],
  C: ['Ç'],
};

/** Readings that make a form a common word; a proper noun alone does not (« Emile » stays as written). */
const COMMON_READINGS: ReadonlySet<PartOfSpeech> = new Set<PartOfSpeech>([
  'noun',
  'adjective',
  'finite-verb',
  'infinitive',
  'past-participle',
  'present-participle',
  'adverb',
  'pronoun',
  'determiner',
  'preposition',
  'conjunction',
  'subordinator',
  'auxiliary',
]);

function accentedForm(word: string, lexicon: Lexicon): string | null {
  // A word the lexicon knows as written (« Elle », « Enfin », a name it lists) is what the author meant.
  if (lexicon.partsOfSpeech(word).size > 0) return null;
  const rest = word.slice(1);
  let found: string | null = null;
  for (const capital of ACCENTED_CAPITALS[word[0] as string] ?? []) {
    const candidate = `${capital}${rest}`;
    if (!isCommonWord(lexicon.partsOfSpeech(candidate))) continue;
    // Two accented words from one bare spelling: the author's choice cannot be known.
    if (found !== null) return null;
    found = candidate;
  }
  return found;
}

function isCommonWord(parts: ReadonlySet<PartOfSpeech>): boolean {
  for (const part of parts) if (COMMON_READINGS.has(part)) return true;
  return false;
}
