import { describe, expect, test } from 'vitest';
import { renderMessage } from '../../src/audit/messages-fr.js';

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

describe('transition words, when few sentences have one', () => {
  test('none: « Aucune phrase », never « 0 % seulement »', () => {
    const text = renderMessage('transition-words.bad', { percent: 0, min: 30 });
    expect(text).toBe('Aucune phrase ne contient de mot de transition (30\u00a0% conseillés).');
  });
  test('a few: « Seulement 12 % des phrases »', () => {
    expect(renderMessage('transition-words.bad', { percent: 12, min: 30 })).toMatch(
      /^Seulement 12\u00a0% des phrases contiennent un mot de transition/u,
    );
  });
});
