import { describe, expect, it } from 'vitest';
import * as normalizeModule from '../../../src/lang/fr/normalize-word.js';
import { foldAccents, normalizeWord } from '../../../src/lang/fr/normalize-word.js';

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
});
