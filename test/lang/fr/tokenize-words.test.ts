import { describe, expect, it } from 'vitest';
import * as tokenizeModule from '../../../src/lang/fr/tokenize-words.js';
import {
  countWords,
  createWordBoundaries,
  holdsWords,
  scanWords,
  tokenizeWords,
  type WordToken,
} from '../../../src/lang/fr/tokenize-words.js';

/** Tokens written as `text:kind` with kind w (word), n (number), e (elision). */
function describeTokens(tokens: readonly WordToken[]): string[] {
  return tokens.map((token) => `${token.text}:${token.kind[0]}`);
}

interface Case {
  name: string;
  input: string;
  expected: string[];
}

const cases: Case[] = [
  {
    name: 'plain words',
    input: 'Les recruteurs affirment',
    expected: ['Les:w', 'recruteurs:w', 'affirment:w'],
  },
  { name: 'empty text', input: '', expected: [] },
  { name: 'punctuation only', input: ' « … » — ; ! ', expected: [] },
  { name: 'elided article', input: 'l’IA', expected: ['l’:e', 'IA:w'] },
  { name: 'elided conjunction', input: 'qu’il', expected: ['qu’:e', 'il:w'] },
  {
    name: 'every elided word',
    input: 'd’abord j’ai m’a n’y s’il t’as c’est jusqu’à lorsqu’elle puisqu’on quoiqu’il',
    expected: [
      'd’:e',
      'abord:w',
      'j’:e',
      'ai:w',
      'm’:e',
      'a:w',
      'n’:e',
      'y:w',
      's’:e',
      'il:w',
      't’:e',
      'as:w',
      'c’:e',
      'est:w',
      'jusqu’:e',
      'à:w',
      'lorsqu’:e',
      'elle:w',
      'puisqu’:e',
      'on:w',
      'quoiqu’:e',
      'il:w',
    ],
  },
  {
    name: 'straight apostrophe',
    input: "l'entreprise qu'elle",
    expected: ["l':e", 'entreprise:w', "qu':e", 'elle:w'],
  },
  { name: 'uppercase elision', input: 'L’IA QU’IL', expected: ['L’:e', 'IA:w', 'QU’:e', 'IL:w'] },
  {
    name: 'quelqu’un is one word',
    input: 'Quelqu’un, quelqu’une',
    expected: ['Quelqu’un:w', 'quelqu’une:w'],
  },
  { name: 'quelqu’ elides elsewhere', input: 'quelqu’autre', expected: ['quelqu’:e', 'autre:w'] },
  {
    name: 'lexical apostrophes',
    input: 'aujourd’hui presqu’île prud’hommes entr’acte',
    expected: ['aujourd’hui:w', 'presqu’île:w', 'prud’hommes:w', 'entr’acte:w'],
  },
  { name: 'main-d’œuvre', input: 'la main-d’œuvre', expected: ['la:w', 'main-d’œuvre:w'] },
  {
    name: 'Irish names',
    input: 'JT O’Donnell et O’Neill',
    expected: ['JT:w', 'O’Donnell:w', 'et:w', 'O’Neill:w'],
  },
  {
    name: 'elision in front of a lexical apostrophe',
    input: 'd’aujourd’hui',
    expected: ['d’:e', 'aujourd’hui:w'],
  },
  { name: 'c’est-à-dire', input: 'c’est-à-dire', expected: ['c’:e', 'est-à-dire:w'] },
  {
    name: 'hyphenated words',
    input: 'peut-être a-t-il dit-elle week-end',
    expected: ['peut-être:w', 'a-t-il:w', 'dit-elle:w', 'week-end:w'],
  },
  {
    name: 'a dash between spaces is not a hyphen',
    input: 'impitoyable – et',
    expected: ['impitoyable:w', 'et:w'],
  },
  { name: 'a leading bullet dash', input: '- L’embauche', expected: ['L’:e', 'embauche:w'] },
  {
    name: 'numbers with group separators',
    input: '100 000 dollars, 1 000 000 et 3\u00a0000 ou 12\u202f500',
    expected: ['100 000:n', 'dollars:w', '1 000 000:n', 'et:w', '3\u00a0000:n', 'ou:w', '12\u202f500:n'],
  },
  {
    name: 'a year followed by a number is two numbers',
    input: 'en 2023 100 personnes',
    expected: ['en:w', '2023:n', '100:n', 'personnes:w'],
  },
  { name: 'four digits after a space do not group', input: '12 3456', expected: ['12:n', '3456:n'] },
  {
    name: 'decimals',
    input: '4,5 et 3.14 et 1.000',
    expected: ['4,5:n', 'et:w', '3.14:n', 'et:w', '1.000:n'],
  },
  { name: 'a comma between numbers in a list', input: '1, 2, 3', expected: ['1:n', '2:n', '3:n'] },
  {
    name: 'percent, per mille and currency signs',
    input: '4 % puis 100 000 $ puis 20 € puis 5‰ puis 3\u00a0£ puis 7%',
    expected: [
      '4 %:n',
      'puis:w',
      '100 000 $:n',
      'puis:w',
      '20 €:n',
      'puis:w',
      '5‰:n',
      'puis:w',
      '3\u00a0£:n',
      'puis:w',
      '7%:n',
    ],
  },
  { name: 'a currency sign before the number', input: 'pour $100', expected: ['pour:w', '$100:n'] },
  {
    name: 'ordinals and centuries are words',
    input: 'le 1er, le 2e, le XXIe siècle',
    expected: ['le:w', '1er:w', 'le:w', '2e:w', 'le:w', 'XXIe:w', 'siècle:w'],
  },
  {
    name: 'words with digits',
    input: 'GPT-4, B2B et la 5G',
    expected: ['GPT-4:w', 'B2B:w', 'et:w', 'la:w', '5G:w'],
  },
  {
    name: 'surrounding punctuation and guillemets are left out',
    input: '« Bonjour », dit-il. (Enfin !) "Oui"',
    expected: ['Bonjour:w', 'dit-il:w', 'Enfin:w', 'Oui:w'],
  },
  { name: 'stray space after an elision', input: "l' IA", expected: ["l':e", 'IA:w'] },
  {
    name: 'URLs and e-mail addresses',
    input: 'Voir https://exemple.fr/a-b?c=1. Ou www.exemple.fr, ou jean.dupont@exemple.fr.',
    expected: [
      'Voir:w',
      'https://exemple.fr/a-b?c=1:w',
      'Ou:w',
      'www.exemple.fr:w',
      'ou:w',
      'jean.dupont@exemple.fr:w',
    ],
  },
  { name: 'abbreviation periods are not part of words', input: 'M. Dupont', expected: ['M:w', 'Dupont:w'] },
  {
    name: 'combining accents stay in the word',
    input: 'e\u0301le\u0300ve',
    expected: ['e\u0301le\u0300ve:w'],
  },
  { name: 'ligatures', input: 'œuvre Æsop', expected: ['œuvre:w', 'Æsop:w'] },
];

describe('tokenizeWords', () => {
  it('exports its API', () => {
    expect(Object.keys(tokenizeModule).sort()).toEqual([
      'countWords',
      'createWordBoundaries',
      'elidedWords',
      'holdsWords',
      'scanWords',
      'tokenizeWords',
    ]);
  });

  it('scanWords writes the same tokens into boundaries reused from a longer text', () => {
    const boundaries = createWordBoundaries();
    scanWords('Un texte plus long, avec l’IA, 100 000 € et https://exemple.fr/page.', boundaries);
    for (const { input } of cases) {
      const count = scanWords(input, boundaries);
      const scanned = Array.from({ length: count }, (_, index) => ({
        text: input.slice(boundaries.starts[index], boundaries.ends[index]),
        start: boundaries.starts[index],
        end: boundaries.ends[index],
        kind: boundaries.kinds[index],
      }));
      expect(scanned).toEqual(tokenizeWords(input));
    }
  });

  it.each(cases)('$name', ({ input, expected }) => {
    const tokens = tokenizeWords(input);
    expect(describeTokens(tokens)).toEqual(expected);
    for (const token of tokens) expect(input.slice(token.start, token.end)).toBe(token.text);
  });

  it('gives offsets into the input', () => {
    expect(tokenizeWords('Il n’a pas 4 %.')).toEqual([
      { text: 'Il', start: 0, end: 2, kind: 'word' },
      { text: 'n’', start: 3, end: 5, kind: 'elision' },
      { text: 'a', start: 5, end: 6, kind: 'word' },
      { text: 'pas', start: 7, end: 10, kind: 'word' },
      { text: '4 %', start: 11, end: 14, kind: 'number' },
    ]);
  });
});

describe('countWords', () => {
  it.each([
    { input: '', expected: 0 },
    { input: 'l’IA', expected: 1 },
    { input: 'C’est l’embauche de talents en IA', expected: 6 },
    { input: 'offrir au moins 100 000 dollars', expected: 5 },
    { input: 'obtenir 4 % des actions', expected: 4 },
    { input: 'Il n’y a pas de main-d’œuvre aujourd’hui', expected: 7 },
    { input: '« Quelqu’un qui s’intéresse vraiment à l’IA », dit-elle.', expected: 7 },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(countWords(tokenizeWords(input))).toBe(expected);
  });
});

describe('holdsWords', () => {
  it.each([
    { input: '', minimum: 0, expected: true },
    { input: '', minimum: 1, expected: false },
    { input: 'l’IA', minimum: 1, expected: true },
    { input: 'l’IA', minimum: 2, expected: false },
    { input: 'C’est l’embauche de talents en IA', minimum: 6, expected: true },
    { input: 'C’est l’embauche de talents en IA', minimum: 7, expected: false },
    { input: 'offrir au moins 100 000 dollars', minimum: 5, expected: true },
    // Elisions after elisions: the first tokens hold fewer words than twice the minimum suggests.
    { input: 'l’l’l’l’l’l’IA puis encore', minimum: 2, expected: true },
    { input: 'l’l’l’l’l’l’IA', minimum: 2, expected: false },
    { input: 'Il n’y a pas de main-d’œuvre aujourd’hui', minimum: 3, expected: true },
  ])('$input holds $minimum words: $expected', ({ input, minimum, expected }) => {
    expect(holdsWords(input, minimum)).toBe(expected);
    expect(holdsWords(input, minimum)).toBe(countWords(tokenizeWords(input)) >= minimum);
  });
});

describe('tokenizeWords with maxTokens', () => {
  const texts = [
    'L’IA générative coûte 100 000 € par an, affirme-t-il.',
    'Qu’il vienne : c’est-à-dire https://exemple.fr et 4,5 % de plus.',
    '« Jusqu’où ? » demande l’auteur du rapport de 2024.',
  ];

  it('gives the first tokens of the whole text, at least as many as asked', () => {
    for (const text of texts) {
      const all = tokenizeWords(text);
      for (let maxTokens = 0; maxTokens <= all.length + 1; maxTokens += 1) {
        const first = tokenizeWords(text, maxTokens);
        expect(first.length).toBeGreaterThanOrEqual(Math.min(maxTokens, all.length));
        expect(first).toEqual(all.slice(0, first.length));
      }
    }
  });
});
