import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../../src/lang/fr/normalize-word.js';
import * as stemModule from '../../../src/lang/fr/stem.js';
import { stem, stemNormalized } from '../../../src/lang/fr/stem.js';

describe('stem', () => {
  it('exports its API', () => {
    expect(Object.keys(stemModule).sort()).toEqual(['clearStemMemo', 'stem', 'stemNormalized']);
  });

  // Values pinned from the French Snowball algorithm (generated from Snowball 3.1.1's french.sbl).
  it.each([
    { word: 'talent', expected: 'talent' },
    { word: 'talents', expected: 'talent' },
    { word: 'Talents', expected: 'talent' },
    { word: 'TALENTS', expected: 'talent' },
    { word: 'recruter', expected: 'recrut' },
    { word: 'recrutement', expected: 'recrut' },
    { word: 'recruteur', expected: 'recruteur' },
    { word: 'recruteurs', expected: 'recruteur' },
    { word: 'entreprise', expected: 'entrepris' },
    { word: 'entreprises', expected: 'entrepris' },
    { word: 'générative', expected: 'géner' },
    { word: 'génératives', expected: 'géner' },
    { word: 'compétence', expected: 'compétent' },
    { word: 'compétences', expected: 'compétent' },
    { word: 'startups', expected: 'startup' },
    { word: 'IA', expected: 'ia' },
    { word: 'aujourd’hui', expected: "aujourd'hui" },
  ])('$word -> $expected', ({ word, expected }) => {
    expect(stem(word)).toBe(expected);
  });

  it('gives singular and plural, any case, the same stem', () => {
    expect(new Set(['talent', 'talents', 'Talents'].map(stem)).size).toBe(1);
    expect(stem('entreprise')).toBe(stem('entreprises'));
  });

  it('keeps « IA » matchable in any case', () => {
    expect(stem('IA')).toBe(stem('ia'));
    expect(stem('IA')).not.toBe('');
  });

  it.each([
    { word: 'l’', expected: 'l' },
    { word: "l'", expected: 'l' },
    { word: 'L’', expected: 'l' },
    { word: 'qu’', expected: 'qu' },
    { word: 'jusqu’', expected: 'jusqu' },
  ])('stems the elision $word to itself without apostrophe', ({ word, expected }) => {
    expect(stem(word)).toBe(expected);
  });

  it('returns the same result from the memo', () => {
    const first = stem('Recrutements');
    expect(stem('Recrutements')).toBe(first);
    expect(first).toBe(stem('recrutement'));
  });

  it('stems a normalized word as stem does the raw word', () => {
    for (const word of ['Talents', 'L’IA', 'ÉCOLES', 'qu’', 'Recrutements', 'œuvres']) {
      expect(stemNormalized(normalizeWord(word))).toBe(stem(word));
    }
  });
});
