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
  if (!BARE_CAPITAL_TEST.test(text)) return text;
  return text.replace(BARE_CAPITAL_WORD, (whole, before: string, word: string) => {
    const accented = accentedForm(word, lexicon);
    return accented === null ? whole : `${before}${accented}`;
  });
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
  if (!BARE_CAPITAL_TEST.test(text)) return found;
  for (const match of text.matchAll(BARE_CAPITAL_WORD)) {
    const word = match[2] as string;
    const accented = accentedForm(word, lexicon);
    if (accented === null) continue;
    const start = match.index + (match[1] as string).length;
    found.push({ start, end: start + word.length, found: word, expected: accented });
  }
  return found;
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

/** Quick test before the full pattern: most texts have few words opening on these capitals. */
const BARE_CAPITAL_TEST = /[EC]\p{Ll}/u;

/**
 * A whole word opening on a bare capital followed by lower-case letters, at the start of the text or
 * after a space, an opening sign, Markdown emphasis or an elision (« l'Etat »), and not followed by `/`, `@`, `_` or a
 * `.` that continues a name, so file names and addresses that survived into text are left alone. A
 * hyphen ends the word: « Etats-Unis », « Etes-vous ».
 */
const BARE_CAPITAL_WORD =
  /(^|[\s«“"([—–'’*_])([EC]\p{Ll}+)(?![\p{L}\p{N}])(?![_/@][\p{L}\p{N}])(?!\.[\p{L}\p{N}])/gu;

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
