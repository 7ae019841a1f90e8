import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as normalizeModule from '../../../src/lang/fr/normalize-word.js';
import { foldAccents, normalizeWord } from '../../../src/lang/fr/normalize-word.js';
import { tokenizeWords } from '../../../src/lang/fr/tokenize-words.js';
import { seededRandom } from '../../helpers/seeded-random.js';

/** The definition normalizeWord had with the French locale's lowercasing, kept to prove the fast one equal. */
function referenceNormalize(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('fr').replace(/[’ʼ]/g, "'");
}

/** Every French letter, both cases, precomposed and decomposed. */
const FRENCH_LETTERS = 'abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ';

function frenchCorpusWords(): string[] {
  const words = new Set<string>();
  for (const folder of ['corpus', 'golden']) {
    const root = new URL(`../../${folder}/`, import.meta.url);
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory() || (folder === 'corpus' && !entry.name.startsWith('fr-'))) continue;
      for (const file of readdirSync(new URL(`${entry.name}/`, root))) {
        if (!/\.(?:md|txt|html)$/.test(file)) continue;
        const text = readFileSync(new URL(`${entry.name}/${file}`, root), 'utf8');
        for (const token of tokenizeWords(text)) words.add(token.text);
      }
    }
  }
  return [...words];
}

describe('normalizeWord', () => {
  it('exports its API', () => {
    expect(Object.keys(normalizeModule).sort()).toEqual(['foldAccents', 'normalizeWord']);
  });

  it.each([
    { word: '', expected: '' },
    { word: 'talent', expected: 'talent' },
    { word: 'Talents', expected: 'talents' },
    { word: 'ÉCOLE', expected: 'école' },
    { word: 'Œuvre', expected: 'œuvre' },
    { word: 'L’IA', expected: "l'ia" },
    { word: 'Lʼentreprise', expected: "l'entreprise" },
    { word: "qu'il", expected: "qu'il" },
    { word: 'aujourd’hui', expected: "aujourd'hui" },
    // NFD input (e + combining acute accent) becomes NFC.
    { word: 'E\u0301cole', expected: 'école' },
    { word: 'GPT-4', expected: 'gpt-4' },
  ])('$word -> $expected', ({ word, expected }) => {
    expect(normalizeWord(word)).toBe(expected);
  });
});

describe('foldAccents', () => {
  it.each([
    { text: '', expected: '' },
    { text: 'startup', expected: 'startup' },
    { text: 'éléphant', expected: 'elephant' },
    { text: 'Œuvre éphémère', expected: 'Oeuvre ephemere' },
    { text: 'cœur et Æsope', expected: 'coeur et Aesope' },
    { text: 'ŒUVRE', expected: 'OEUVRE' },
    { text: 'Ça, garçon', expected: 'Ca, garcon' },
    { text: 'naïf, Noël, maïs, où, dû', expected: 'naif, Noel, mais, ou, du' },
    { text: 'L’IA générative', expected: 'L’IA generative' },
    { text: 'e\u0301le\u0300ve', expected: 'eleve' },
    { text: 'ÉTÉ À PARIS', expected: 'ETE A PARIS' },
  ])('$text -> $expected', ({ text, expected }) => {
    expect(foldAccents(text)).toBe(expected);
  });

  it("lowercases every code point as the French locale does (toLowerCase is Unicode's default)", () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (character.toLowerCase() !== character.toLocaleLowerCase('fr')) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  }, 120_000);

  it('normalizes every French letter as the locale-aware definition does, in any case and form', () => {
    const forms = [...FRENCH_LETTERS, ...FRENCH_LETTERS.toUpperCase()].flatMap((letter) => [
      letter,
      letter.normalize('NFD'),
      `L’${letter}Ab`,
      `${letter.normalize('NFD')}ʼÉ`,
    ]);
    for (const form of forms) expect(normalizeWord(form), form).toBe(referenceNormalize(form));
  });

  it('normalizes every word of the French corpus and goldens as the locale-aware definition does', () => {
    const words = frenchCorpusWords();
    expect(words.length).toBeGreaterThan(5_000);
    const differ = words.filter((word) => normalizeWord(word) !== referenceNormalize(word));
    expect(differ).toEqual([]);
  });
});

describe('foldAccents without a \\p{M} pattern', () => {
  // What foldAccents did with the pattern, on texts without ligatures (their expansion, which follows the
  // case of the word, is the tests' above): the reference for the scan that replaced the pattern.
  const reference = (text: string) =>
    [...text].every((character) => character.charCodeAt(0) < 0x80)
      ? text
      : text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

  it('folds random texts as the pattern did', () => {
    const pieces = [
      'é',
      'È',
      'ç',
      'a',
      ' ',
      'e\u0301',
      '\u0308',
      'ǅ',
      'Ǆ',
      '𝐀',
      '🙂',
      'ñ',
      'ø',
      'Å',
      'ﬁ',
      'अ',
      'ि',
      '\u20dd',
    ];
    const { below, pick } = seededRandom(9);
    let changed = 0;
    for (let run = 0; run < 5000; run += 1) {
      let text = '';
      for (let count = 1 + below(8); count > 0; count -= 1) text += pick(pieces);
      const expected = reference(text);
      expect(foldAccents(text), JSON.stringify(text)).toBe(expected);
      if (expected !== text) changed += 1;
    }
    expect(changed).toBeGreaterThan(1000);
  });
});
