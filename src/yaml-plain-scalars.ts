import { isLetter, isLetterOrDigit } from './character-class.js';

/**
 * The YAML that Plume reads and writes without the `yaml` library, for the front matter most articles
 * have (`title: Mon titre`, `slug: mon-titre`, `words: 1122`): scalars whose meaning no YAML reader can
 * take otherwise. Anything outside these rules goes through `yaml`. Shared by the front matter writer
 * (render) and reader (ingest), so both agree on what is plain.
 */

/** Keys of lowercase letters and underscores: strings to every YAML reader. */
export const PLAIN_KEY = /^[a-z][a-z_]*$/u;

/** A calendar date: a string to YAML 1.2 (`yaml`'s default), which has no timestamp type. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * Starts with a letter or an opening quotation mark, ends with a letter, digit or final punctuation; no
 * YAML indicator in between. The no-break spaces, quotation marks, dashes and ellipsis of French prose
 * (« vrai\u202f? », « – ») are plain text to yaml, as the tests show. The same as
 * `/^[\p{L}«“](?:[\p{L}\p{N} \u00a0\u202f’.,;!?()/%€$+«»“”…–—-]*[\p{L}\p{N}.!?)%€$»”…])?$/u`, read by hand:
 * that pattern took 2 to 3 ms to compile at each `plume optimize` start.
 */
function isPlainProseText(text: string): boolean {
  const first = text.codePointAt(0);
  if (first === undefined || !(isLetter(first) || first === 0xab || first === 0x201c)) return false;
  const firstSize = first > 0xffff ? 2 : 1;
  if (text.length === firstSize) return true;
  let last = first;
  for (let index = firstSize; index < text.length; index += last > 0xffff ? 2 : 1) {
    last = text.codePointAt(index) as number;
    if (!isLetterOrDigit(last) && !PROSE_SIGNS.has(last)) return false;
  }
  // More than one character: the last is a letter, a digit or a closing sign.
  return isLetterOrDigit(last) || CLOSING_SIGNS.has(last);
}

/** Besides letters and digits, what plain prose may hold: spaces, punctuation, quotation marks, dashes. */
const PROSE_SIGNS: ReadonlySet<number> = codePointsOf(' \u00a0\u202f’.,;!?()/%€$+«»“”…–—-');
/** What plain prose may end on besides a letter or a digit. */
const CLOSING_SIGNS: ReadonlySet<number> = codePointsOf('.!?)%€$»”…');

/**
 * Prose that yaml writes in double quotes with nothing to escape (see front-matter-yaml.ts): letters,
 * digits and these signs only. The same as `/^[\p{L}\p{N} \u00a0\u202f’'.,;:!?()/%€$+«»#&*-]*$/u`.
 */
export function isQuotableProse(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const codePoint = text.codePointAt(index) as number;
    if (codePoint > 0xffff) index += 1;
    if (!isLetterOrDigit(codePoint) && !QUOTABLE_SIGNS.has(codePoint)) return false;
  }
  return true;
}

const QUOTABLE_SIGNS: ReadonlySet<number> = codePointsOf(" \u00a0\u202f’'.,;:!?()/%€$+«»#&*-");

function codePointsOf(characters: string): Set<number> {
  return new Set([...characters].map((character) => character.codePointAt(0) as number));
}

/** Plain words YAML 1.1 or 1.2 reads as booleans or null. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'true',
  'false',
  'null',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
]);

/** Prose that YAML writes plain and reads back as the same string. */
export function isPlainProse(text: string): boolean {
  return isPlainProseText(text) && !text.includes('  ') && !RESERVED_WORDS.has(text.toLowerCase());
}
