import { describe, expect, test } from 'vitest';
import { renderMessage } from '../../src/audit/messages-fr.js';
import { findTypographyIssues } from '../../src/lang/fr/typography.js';

// French typography in Plume's own messages: « 25 % » must never wrap before « % ».
describe('renderMessage keeps « % » on the line of its number', () => {
  const cases: [string, Record<string, number>][] = [
    ['sentence-length.ok', { percent: 30, words: 20, max: 25 }],
    ['sentence-length.bad', { percent: 40, words: 20, max: 25 }],
    ['passive-voice.ok', { percent: 12, max: 10 }],
    ['transition-words.bad', { percent: 10, min: 30 }],
    ['keyphrase-density.low', { density: 0.2, count: 1, min: 0.5 }],
    ['keyphrase-in-subheadings.few', { found: 1, total: 4, percent: 25, min: 30, max: 75 }],
    ['french-language.good', { confidence: 98 }],
  ];
  test.each(cases)('%s', (messageId, params) => {
    const text = renderMessage(messageId, params);
    expect(text).toContain('%');
    expect(text).not.toMatch(/ %/u);
    expect(text).toMatch(/\d\u00a0%/u);
  });
});

describe('renderMessage writes French a French editor accepts', () => {
  test.each([
    [
      'transition-words.bad',
      { percent: 0, count: 0, min: 30 },
      'Aucune phrase ne contient de mot de transition',
    ],
    ['transition-words.bad', { percent: 12.5, count: 3, min: 30 }, 'Seulement 12,5\u00a0% des phrases'],
    ['keyphrase-density.stuffing', { density: 4.2, count: 40, max: 3 }, 'bourrage de mots-clés'],
  ])('%s %j', (messageId, params, expected) => {
    const text = renderMessage(messageId, params);
    expect(text).toContain(expected);
    expect(text).not.toMatch(/^0\u00a0%/u);
    expect(findTypographyIssues(text)).toEqual([]);
  });
});
