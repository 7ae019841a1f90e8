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
 * (« vrai\u202f? », « – ») are plain text to yaml, as the tests show.
 */
const PLAIN_PROSE = /^[\p{L}«“](?:[\p{L}\p{N} \u00a0\u202f’.,;!?()/%€$+«»“”…–—-]*[\p{L}\p{N}.!?)%€$»”…])?$/u;

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
  return PLAIN_PROSE.test(text) && !text.includes('  ') && !RESERVED_WORDS.has(text.toLowerCase());
}
