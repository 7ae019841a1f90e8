import { stringify as stringifyYaml } from 'yaml';

/**
 * A front matter as `yaml`'s `stringify(value, { lineWidth: 0 })` writes it, without going through its
 * document model for what Plume writes most (a tenth of a millisecond per article): keys of lowercase
 * letters, prose without any YAML indicator written plain, integers, booleans, ISO dates and lists of
 * such prose. Anything else (a colon, a quote, a nested object, a value that would read as a number or a
 * boolean) is left to `yaml`. Pure.
 */
export function frontMatterYaml(frontMatter: Readonly<Record<string, unknown>>): string {
  let yaml = '';
  for (const [key, value] of Object.entries(frontMatter)) {
    const line = plainEntry(key, value);
    if (line === null) return stringifyYaml(frontMatter, { lineWidth: 0 });
    yaml += line;
  }
  return yaml === '' ? stringifyYaml(frontMatter, { lineWidth: 0 }) : yaml;
}

function plainEntry(key: string, value: unknown): string | null {
  if (!PLAIN_KEY.test(key)) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${key}: []\n`;
    let items = `${key}:\n`;
    for (const item of value) {
      if (typeof item !== 'string' || !isPlainProse(item)) return null;
      items += `  - ${item}\n`;
    }
    return items;
  }
  const scalar = plainScalar(value);
  return scalar === null ? null : `${key}: ${scalar}\n`;
}

function plainScalar(value: unknown): string | null {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  if (isPlainProse(value) || ISO_DATE.test(value)) return value;
  // « Titre : sous-titre »: prose that yaml quotes, in double quotes with nothing to escape.
  return QUOTED_PROSE.test(value) && NEEDS_QUOTES.test(value) ? `"${value}"` : null;
}

/** Prose without a double quote, a backslash, a line break or any other character yaml would escape. */
const QUOTED_PROSE = /^[\p{L}\p{N} \u00a0\u202f’'.,;:!?()/%€$+«»#&*-]*$/u;
/** Where yaml stops writing a string plain (its own test): then it quotes, in double quotes when no « " ». */
const NEEDS_QUOTES = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/u;

const PLAIN_KEY = /^[a-z][a-z_]*$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
/**
 * Starts with a letter, ends with a letter, digit or final punctuation; no YAML indicator in between. The
 * no-break spaces, quotation marks, dashes and ellipsis of French prose (« vrai\u202f? », « – ») are plain
 * text to yaml, as the tests show.
 */
const PLAIN_PROSE = /^\p{L}(?:[\p{L}\p{N} \u00a0\u202f’.,;!?()/%€$+«»“”…–—-]*[\p{L}\p{N}.!?)%€$»”…])?$/u;
/** Plain words YAML 1.1 or 1.2 reads as booleans or null. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
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

function isPlainProse(text: string): boolean {
  return PLAIN_PROSE.test(text) && !text.includes('  ') && !RESERVED_WORDS.has(text.toLowerCase());
}
