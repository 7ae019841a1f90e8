import { stringify as stringifyYaml } from 'yaml';
import { ISO_DATE, isPlainProse, isQuotableProse, PLAIN_KEY } from '../yaml-plain-scalars.js';

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
  return isQuotableProse(value) && NEEDS_QUOTES.test(value) ? `"${value}"` : null;
}

/** Where yaml stops writing a string plain (its own test): then it quotes, in double quotes when no « " ». */
const NEEDS_QUOTES = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/u;
