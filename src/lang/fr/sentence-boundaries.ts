/**
 * The sentence boundaries `Intl.Segmenter` (ICU, Unicode's UAX #29 rules) finds in one line, computed
 * without it for lines written with the characters French prose uses; ICU costs about a microsecond per
 * character, a third of the analysis of an article. Null when the line has any other character (a
 * combining mark, a soft hyphen, another script…): the caller asks ICU then. The test compares both on
 * the corpus and on random lines of these characters.
 */

// Sentence_Break classes of UAX #29, for the characters handled here.
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const NUMERIC = 3;
const A_TERM = 4;
const S_TERM = 5;
const CLOSE = 6;
const S_CONTINUE = 7;
const SP = 8;
/** A character not handled here. */
const UNKNOWN = 9;

const ASCII_CLASSES: Uint8Array = (() => {
  const classes = new Uint8Array(0x80).fill(UNKNOWN);
  for (let code = 0x61; code <= 0x7a; code += 1) classes[code] = LOWER;
  for (let code = 0x41; code <= 0x5a; code += 1) classes[code] = UPPER;
  for (let code = 0x30; code <= 0x39; code += 1) classes[code] = NUMERIC;
  for (const character of '#$%&*+/<=>@\\^_`|~') classes[character.charCodeAt(0)] = OTHER;
  for (const character of `"'()[]{}`) classes[character.charCodeAt(0)] = CLOSE;
  for (const character of ',-:;') classes[character.charCodeAt(0)] = S_CONTINUE;
  classes[0x2e] = A_TERM;
  classes[0x21] = S_TERM;
  classes[0x3f] = S_TERM;
  classes[0x20] = SP;
  classes[0x09] = SP;
  return classes;
})();

function classOf(code: number): number {
  if (code < 0x80) return ASCII_CLASSES[code] as number;
  // Latin-1 letters (× and ÷ are symbols), œ and Œ.
  if (code >= 0xdf && code <= 0xff) return code === 0xf7 ? OTHER : LOWER;
  if (code >= 0xc0 && code <= 0xde) return code === 0xd7 ? OTHER : UPPER;
  if (code === 0x153) return LOWER;
  if (code === 0x152 || code === 0x178) return UPPER;
  switch (code) {
    case 0xa0: // no-break space
    case 0x2009: // thin space
    case 0x202f: // narrow no-break space
      return SP;
    case 0xab: // «
    case 0xbb: // »
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x2039: // ‹
    case 0x203a: // ›
      return CLOSE;
    case 0x2013: // –
    case 0x2014: // —
      return S_CONTINUE;
    case 0x2026: // …
    case 0x20ac: // €
    case 0xb0: // °
    case 0xa7: // §
      return OTHER;
    default:
      return UNKNOWN;
  }
}

/**
 * Every UTF-16 code unit's class plus one, 0 until the character is first met: filling all 65,536 at
 * import cost 5–12 ms of each CLI start, an article meets a few dozen.
 */
const CLASSES = new Uint8Array(0x10000);

function classOfCode(code: number): number {
  const known = CLASSES[code] as number;
  if (known !== 0) return known - 1;
  const kind = classOf(code);
  CLASSES[code] = kind + 1;
  return kind;
}

/** Offsets (from 1 to the line's length − 1) where ICU's sentence segmenter starts a segment; or null. */
export function sentenceBoundaries(line: string): number[] | null {
  const length = line.length;
  let terminators = false;
  for (let index = 0; index < length; index += 1) {
    const kind = classOfCode(line.charCodeAt(index));
    if (kind === UNKNOWN) return null;
    if (kind === A_TERM || kind === S_TERM) terminators = true;
  }
  const boundaries: number[] = [];
  if (!terminators) return boundaries;
  let index = 0;
  while (index < length) {
    const kind = classOfCode(line.charCodeAt(index));
    if (kind !== A_TERM && kind !== S_TERM) {
      index += 1;
      continue;
    }
    // The last of a run of terminators (« ?! »): no break inside the run (SB8a).
    let last = index;
    while (last + 1 < length && isTerminator(classAt(line, last + 1))) last += 1;
    let position = last + 1;
    while (position < length && classAt(line, position) === CLOSE) position += 1;
    while (position < length && classAt(line, position) === SP) position += 1;
    index = position;
    if (position >= length) break;
    if (breaksAt(line, last, position)) boundaries.push(position);
  }
  return boundaries;
}

function classAt(line: string, index: number): number {
  return classOfCode(line.charCodeAt(index));
}

function isTerminator(kind: number): boolean {
  return kind === A_TERM || kind === S_TERM;
}

/** Whether UAX #29 breaks at `position`, after the terminator at `terminator` and its closes and spaces. */
function breaksAt(line: string, terminator: number, position: number): boolean {
  const next = classAt(line, position);
  // SB8a: a comma, a dash, another terminator… continue the sentence.
  if (next === S_CONTINUE || isTerminator(next)) return false;
  if (classAt(line, terminator) !== A_TERM) return true;
  if (position === terminator + 1) {
    // SB6: « 3.5 »; SB7: « U.S », « e.G ».
    if (next === NUMERIC) return false;
    const before = terminator > 0 ? classAt(line, terminator - 1) : OTHER;
    if (next === UPPER && (before === UPPER || before === LOWER)) return false;
  }
  // SB8: no break when the next letter, past anything that is not a letter nor a terminator, is lowercase.
  for (let index = position; index < line.length; index += 1) {
    const kind = classAt(line, index);
    if (kind === LOWER) return false;
    if (kind === UPPER || isTerminator(kind)) return true;
  }
  return true;
}
