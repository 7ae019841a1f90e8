import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureTextWidth, truncateToWidth } from '../../src/lang/pixel-width/measure-text-width.js';
import { arialAdvanceWidthsModule } from '../../src/server/web-assets.js';

/**
 * The page's text-width module (plain JavaScript, no build step) against the audit's TypeScript: same
 * widths to the last bit and same cuts, on real titles and on random texts mixing every fallback class.
 * The page is fed the Arial module the server generates, so this also checks what the browser receives.
 */

interface TextWidth {
  measureTextWidth(text: string, options?: { fontSize?: number; bold?: boolean }): number;
  truncateToWidth(
    text: string,
    maxWidth: number,
    options?: { fontSize?: number; bold?: boolean; ellipsis?: string },
  ): { text: string; truncated: boolean };
}

const ROOT = join(import.meta.dirname, '..', '..');
let page: TextWidth;

beforeAll(async () => {
  const tablesUrl = `data:text/javascript;base64,${Buffer.from(arialAdvanceWidthsModule()).toString('base64')}`;
  const tables = await import(tablesUrl);
  const moduleUrl = pathToFileURL(join(ROOT, 'src', 'web', 'modules', 'text-width.js')).href;
  const { createTextWidth } = (await import(moduleUrl)) as {
    createTextWidth(tables: unknown): TextWidth;
  };
  page = createTextWidth({
    unitsPerEm: tables.arialUnitsPerEm,
    regular: tables.arialRegularAdvances,
    bold: tables.arialBoldAdvances,
  });
});

/** Titles and descriptions of the golden articles: what the page shows most. */
function goldenMetadata(): string[] {
  const folder = join(ROOT, 'test', 'golden');
  const texts: string[] = [];
  for (const name of readdirSync(folder)) {
    let markdown: string;
    try {
      markdown = readFileSync(join(folder, name, 'expected.md'), 'utf8');
    } catch {
      continue;
    }
    for (const match of markdown.matchAll(/^(?:title|description): (.*)$/gm)) {
      texts.push((match[1] ?? '').replace(/^["']|["']$/g, ''));
    }
  }
  return texts;
}

/** Every fallback class: Latin, accents, French spaces, dashes, combining marks, CJK, emoji, flags, controls. */
const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'éèêàçôœŒÉÀ’«»–—…€%:;!?|/-.,',
  ' ',
  ' ',
  ' ',
  '\u00a0',
  '\u202f',
  '\u2009',
  '\u200b',
  '\u0301',
  '\u200d',
  '\t',
  '\n',
  'ß',
  'Ω',
  'Ж',
  'ж',
  '٣',
  '¥',
  '₹',
  '漢',
  'か',
  '한',
  '，',
  '😀',
  '👍',
  '🏽',
  '🇫',
  '🇷',
  '\ud83d', // a lone high surrogate, as from a cut string
];

/** A deterministic pseudo-random generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTexts(count: number): string[] {
  const next = random(14);
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 90);
    return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
  });
}

describe('text width: the page and the audit agree', () => {
  const golden = goldenMetadata();
  const texts = [...golden, ...randomTexts(600), '', ' ', 'Supercalifragilisticexpialidocious'.repeat(3)];

  it('reads enough golden titles and descriptions to mean something', () => {
    expect(golden.length).toBeGreaterThanOrEqual(10);
  });

  it('measures every text to the same width, regular and bold, at 20 and 14 px', () => {
    const differences: string[] = [];
    for (const text of texts) {
      for (const options of [{}, { fontSize: 14 }, { bold: true }, { fontSize: 14, bold: true }]) {
        const expected = measureTextWidth(text, options);
        const actual = page.measureTextWidth(text, options);
        if (actual !== expected) differences.push(`${JSON.stringify(text)} ${JSON.stringify(options)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('cuts every text at the same place, at several widths and ellipses', () => {
    const differences: string[] = [];
    for (const text of texts) {
      for (const [maxWidth, options] of [
        [600, {}],
        [300, {}],
        [40, {}],
        [920, { fontSize: 14 }],
        [120, { fontSize: 14, ellipsis: '…' }],
      ] as const) {
        const expected = truncateToWidth(text, maxWidth, options);
        const actual = page.truncateToWidth(text, maxWidth, options);
        if (actual.text !== expected.text || actual.truncated !== expected.truncated) {
          differences.push(`${JSON.stringify(text)} at ${maxWidth}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });
});
