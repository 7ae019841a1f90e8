import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparableSentence } from '../../src/audit/comparable-sentence.js';

/** The definition `comparableSentence` implements with two scans instead of these regular expressions. */
function reference(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Lu})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('comparableSentence', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['« À quoi bon ? »', 'a quoi bon'],
    ['A quoi bon ?', 'a quoi bon'],
    ['Élodie a été élue à l’unanimité.', 'elodie a été élue à l unanimité'],
    ['ÉTÉ 2024 : 100 000 €', 'ete 2024 100 000'],
    // A capital typed decomposed (E + U+0301), marks after a lowercase letter kept.
    ['E\u0301cole e\u0301cole', 'ecole école'],
    // Two marks after a capital, one of them typed apart after a precomposed capital.
    ['Ê\u0323tre', 'etre'],
    ['Ångström \u212B', 'angström a'],
    ['İstanbul', 'istanbul'],
    ['l’IA — d’« Anthropic »…', 'l ia d anthropic'],
    ['𝐀\u0301 𝑏 ǅ', '𝐀 𝑏 ǆ'],
    ['\ud800 lone surrogate', 'lone surrogate'],
    ['٣ chiffres ٤', '٣ chiffres ٤'],
    ['Ça\u00a0va\u202f?', 'ca va'],
  ])('%j', (text, expected) => {
    expect(comparableSentence(text)).toBe(reference(text));
    expect(comparableSentence(text)).toBe(expected);
  });

  it('is the reference on every line of the corpus and golden inputs', () => {
    const root = join(import.meta.dirname, '..');
    let lines = 0;
    for (const folder of ['corpus', 'golden']) {
      for (const name of readdirSync(join(root, folder), { withFileTypes: true })) {
        if (!name.isDirectory()) continue;
        for (const file of readdirSync(join(root, folder, name.name))) {
          if (!/^(?:source|input)\./u.test(file)) continue;
          for (const line of readFileSync(join(root, folder, name.name, file), 'utf8').split('\n')) {
            expect(comparableSentence(line)).toBe(reference(line));
            lines += 1;
          }
        }
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });
});

describe('comparableSentence below U+0300 and in General Punctuation (read character by character)', () => {
  const latin = [
    ...Array.from({ length: 0x300 - 0x80 }, (_, index) => String.fromCharCode(0x80 + index)),
    ...Array.from({ length: 0x70 }, (_, index) => String.fromCharCode(0x2000 + index)),
  ];
  const ascii = Array.from({ length: 0x80 - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));

  it('is the reference for every character, alone and next to every other one', () => {
    // One text per character, alternating it with every character below U+0300: every pair, both orders.
    for (const character of latin) {
      expect(comparableSentence(character)).toBe(reference(character));
      const text = [...ascii, ...latin].map((other) => `${character}${other}`).join('') + character;
      expect(comparableSentence(text)).toBe(reference(text));
    }
  });
});
