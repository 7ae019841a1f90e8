import { describe, expect, test } from 'vitest';
import { FUNCTION_WORDS } from '../../../src/lang/fr/function-words.js';
import * as module from '../../../src/lang/fr/stopwords.js';
import {
  FILLER_ADVERBS,
  FILLER_NOUNS,
  isStopword,
  LIGHT_VERBS,
  STOPWORDS,
} from '../../../src/lang/fr/stopwords.js';

test('public API', () => {
  expect(Object.keys(module).sort()).toEqual([
    'FILLER_ADVERBS',
    'FILLER_NOUNS',
    'LIGHT_VERBS',
    'STOPWORDS',
    'isStopword',
  ]);
});

describe('data', () => {
  test('every function word is a stopword', () => {
    for (const word of FUNCTION_WORDS) expect(STOPWORDS.has(word), word).toBe(true);
  });

  test('lists are lowercase single words without duplicates', () => {
    const lists = [...Object.values(LIGHT_VERBS), FILLER_ADVERBS, FILLER_NOUNS];
    for (const list of lists) {
      for (const word of list) {
        expect(word, word).toBe(word.toLowerCase());
        expect(word, word).toMatch(/^[\p{L}'-]+$/u);
      }
      expect(new Set(list).size).toBe(list.length);
    }
  });
});

describe('isStopword', () => {
  test.each([
    // Function words.
    'le',
    "l'",
    'de',
    'et',
    'est',
    'avoir',
    'être',
    // Light verbs.
    'faire',
    'fait',
    'font',
    'dire',
    'dit',
    'aller',
    'va',
    'vont',
    'peut',
    'pourrait',
    'doit',
    'devrait',
    'veut',
    'faut',
    // Fillers.
    'plus',
    'très',
    'aussi',
    'comme',
    'selon',
    'ainsi',
    'également',
    'notamment',
    'vraiment',
    'cependant',
    'etc',
    'fois',
  ])('%s is a stopword', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  test.each([
    // Deliberate exclusions (see the comments in the source).
    'voir',
    'savoir',
    'prendre',
    'mettre',
    'donner',
    'venir',
    'pouvoir',
    'devoir',
    'faits',
    'allée',
    'juste',
    'vite',
    'façon',
    'manière',
    // Keywords.
    'talents',
    'recrutement',
    'salaires',
    'startups',
  ])('%s is not a stopword', (word) => {
    expect(isStopword(word)).toBe(false);
  });

  test('accepts the typographic apostrophe too', () => {
    expect(isStopword('d’')).toBe(true);
    expect(isStopword('aujourd’hui')).toBe(true);
  });
});
