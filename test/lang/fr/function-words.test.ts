import { describe, expect, test } from 'vitest';
import * as module from '../../../src/lang/fr/function-words.js';
import {
  ADVERBS,
  ARTICLES,
  AUXILIARIES,
  CONJUNCTIONS,
  DETERMINERS,
  ELIDED_FORMS,
  FUNCTION_WORDS,
  isFunctionWord,
  PREPOSITIONS,
  PRONOUNS,
} from '../../../src/lang/fr/function-words.js';

test('public API', () => {
  expect(Object.keys(module).sort()).toEqual([
    'ADVERBS',
    'ARTICLES',
    'AUXILIARIES',
    'CONJUNCTIONS',
    'DETERMINERS',
    'ELIDED_FORMS',
    'FUNCTION_WORDS',
    'PREPOSITIONS',
    'PRONOUNS',
    'isFunctionWord',
  ]);
});

describe('data', () => {
  const groups: [string, readonly string[]][] = [
    ['articles', ARTICLES],
    ['prepositions', PREPOSITIONS],
    ['elided forms', ELIDED_FORMS],
    ...Object.entries(DETERMINERS).map(([name, words]): [string, readonly string[]] => [
      `determiners.${name}`,
      words,
    ]),
    ...Object.entries(PRONOUNS).map(([name, words]): [string, readonly string[]] => [
      `pronouns.${name}`,
      words,
    ]),
    ...Object.entries(CONJUNCTIONS).map(([name, words]): [string, readonly string[]] => [
      `conjunctions.${name}`,
      words,
    ]),
    ...Object.entries(AUXILIARIES).map(([name, words]): [string, readonly string[]] => [
      `auxiliaries.${name}`,
      words,
    ]),
    ...Object.entries(ADVERBS).map(([name, words]): [string, readonly string[]] => [
      `adverbs.${name}`,
      words,
    ]),
  ];

  test.each(groups)('%s: lowercase single words, straight apostrophe, no duplicates', (_name, words) => {
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) {
      expect(word, word).toBe(word.toLowerCase());
      expect(word, word).toMatch(/^[\p{L}'-]+$/u);
      expect(word, word).not.toContain('’');
    }
    expect(new Set(words).size).toBe(words.length);
  });

  test('elided forms end with a straight apostrophe', () => {
    for (const word of ELIDED_FORMS) expect(word.endsWith("'"), word).toBe(true);
  });

  test('every form of être and avoir is there', () => {
    for (const word of [
      'suis',
      'est',
      'sommes',
      'sont',
      'était',
      'fut',
      'furent',
      'sera',
      'serait',
      'soit',
      'fût',
    ]) {
      expect(FUNCTION_WORDS.has(word), word).toBe(true);
    }
    for (const word of ['ai', 'a', 'ont', 'avait', 'eut', 'aura', 'aurait', 'ait', 'eût', 'ayant', 'eu']) {
      expect(FUNCTION_WORDS.has(word), word).toBe(true);
    }
  });
});

describe('isFunctionWord', () => {
  test.each([
    'le',
    'la',
    'les',
    "l'",
    'du',
    'aux',
    "d'",
    "qu'",
    "j'",
    "c'",
    "n'",
    "jusqu'",
    'ce',
    'cette',
    'leurs',
    'quelques',
    'chaque',
    'il',
    'nous',
    'lui',
    'y',
    'en',
    'qui',
    'dont',
    'où',
    'lesquels',
    'celle-ci',
    'ceux',
    'cela',
    'mien',
    'chacun',
    "quelqu'un",
    'à',
    'avec',
    'chez',
    'parmi',
    'malgré',
    'afin',
    'lors',
    'auprès',
    'mais',
    'donc',
    'car',
    'ni',
    'lorsque',
    'puisque',
    'parce',
    'est',
    'été',
    'ont',
    'très',
    'trop',
    'ne',
    'pas',
    'jamais',
    'déjà',
    'toujours',
    'ici',
    'deux',
    'mille',
  ])('%s is a function word', (word) => {
    expect(isFunctionWord(word)).toBe(true);
  });

  test.each([
    // Deliberate exclusions (see the comments in the source).
    'premier',
    'personne',
    'or',
    'point',
    'grâce',
    'cause',
    'face',
    'côté',
    'lieu',
    'suivant',
    'million',
    'milliard',
    'divers',
    'différents',
    'mal',
    'fort',
    // Content words.
    'talents',
    'entreprise',
    'intelligence',
    'recruter',
    'salaire',
    'technologie',
    'ia',
    // Not lowercase: callers lowercase first.
    'Le',
  ])('%s is not a function word', (word) => {
    expect(isFunctionWord(word)).toBe(false);
  });

  test('accepts the typographic apostrophe too', () => {
    expect(isFunctionWord('l’')).toBe(true);
    expect(isFunctionWord('qu’')).toBe(true);
    expect(isFunctionWord('quelqu’un')).toBe(true);
    expect(isFunctionWord('aujourd’hui')).toBe(true);
  });
});
