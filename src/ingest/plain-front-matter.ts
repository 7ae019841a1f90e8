import { ISO_DATE, isPlainProse, PLAIN_KEY, RESERVED_WORDS } from '../yaml-plain-scalars.js';

/** `key: value` on one line (the value may be empty: a list follows). */
const ENTRY = /^([^:\s]+):(?: (.*))?$/u;
/** A list item under its key, indented or not (« - item », «   - item »): every item as the first. */
const ITEM = /^( {2})?- (.*)$/u;
/** An integer YAML reads as the same number: no sign, no leading zero, safely below 2^53. */
const PLAIN_INTEGER = /^(?:0|[1-9]\d{0,14})$/u;

/**
 * The front matter as `yaml`'s `parseDocument(text).toJS()` reads it, without `yaml`, when it is the
 * simple kind most articles carry (one `key: value` per line; lists of prose under a key); undefined for
 * anything else (quotes, comments, nesting, blank lines, a repeated key, a value YAML might read as
 * something else), which `yaml` then reads. A few tenths of a millisecond per article. Pure.
 */
export function readPlainFrontMatter(text: string): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length) {
    const entry = ENTRY.exec(lines[index] as string);
    index += 1;
    if (entry === null) return undefined;
    const key = entry[1] as string;
    if (!PLAIN_KEY.test(key) || RESERVED_WORDS.has(key) || Object.hasOwn(result, key)) return undefined;
    const written = entry[2];
    if (written === undefined || written === '') {
      // A key with nothing after it opens a list of items, else it is null: left to yaml.
      const items: string[] = [];
      const indent = ITEM.exec(lines[index] ?? '')?.[1];
      for (let item = ITEM.exec(lines[index] ?? ''); item !== null; item = ITEM.exec(lines[index] ?? '')) {
        const value = item[2] as string;
        if (item[1] !== indent || !isPlainProse(value)) return undefined;
        items.push(value);
        index += 1;
      }
      if (items.length === 0) return undefined;
      result[key] = items;
      continue;
    }
    const value = plainValue(written);
    if (value === undefined) return undefined;
    result[key] = value;
  }
  return result;
}

function plainValue(written: string): unknown {
  if (written === 'true') return true;
  if (written === 'false') return false;
  if (written === '[]') return [];
  if (PLAIN_INTEGER.test(written)) return Number(written);
  if (ISO_DATE.test(written) || isPlainProse(written)) return written;
  return undefined;
}
