import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from '../../src/analyze/phrase-matcher.js';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { seededRandom } from '../helpers/seeded-random.js';

/**
 * What `exactIndices` answered when the word boundaries were lookarounds of the pattern itself (before
 * they were checked in code, to spare a 0.6 ms compile for each new keyphrase): the reference.
 */
function referenceIndices(phrase: string, text: string): number[] {
  const tokens = tokenizeWords(phrase).map((token) => token.text);
  if (tokens.length === 0) return [];
  let source = '';
  tokens.forEach((token, index) => {
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’ʼ]/g, "['’ʼ]");
    if (index > 0) source += /['’ʼ]$/.test(tokens[index - 1] as string) ? '' : '[\\s\\u00a0\\u202f]+';
    source += escaped;
  });
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(pattern)].map((found) => found.index);
}

describe('createPhraseMatcher().exactIndices', () => {
  it.each([
    ['talents en IA', 'Les talents en IA sont rares.', [4]],
    ['talents en IA', 'TALENTS  EN\u00a0ia, puis talents en IA.', [0, 21]],
    ['talents en IA', 'Les talents en IAB ne comptent pas.', []],
    ['talents en IA', 'Les stalents en IA non plus.', []],
    ['talents en IA', 'Des talents en IA2 non plus.', []],
    ['IA', 'l’IA et l’IAé, l’IA.', [2, 17]],
    ['IA', 'éIA IA', [4]],
    // A letter outside the BMP (mathematical bold A) touches the phrase: no match, as \p{L} says.
    ['IA', '𝐀IA IA𝐀 IA', [10]],
    // An emoji is no letter.
    ['IA', '🙂IA🙂', [2]],
    // Overlapping tries: the first « aa » is glued to a letter, the next try starts one character on.
    ['aa', 'baaa aa', [5]],
    // The try at 1 fails (« x » before it); the one at 4, inside it, holds.
    ['ia ia', 'xia ia ia', [4]],
    ['l’IA générative', "L'IA générative et l’ia GÉNÉRATIVE", [0, 19]],
  ])('%j in %j', (phrase, text, expected) => {
    expect(createPhraseMatcher(phrase).exactIndices(text)).toEqual(expected);
    expect(referenceIndices(phrase, text)).toEqual(expected);
  });

  it('answers as the lookaround pattern did on random texts', () => {
    // Letters, digits, spaces, apostrophes, accented and astral letters, an emoji: every boundary kind.
    const pieces = [
      'ia',
      'IA',
      'Ia',
      'a',
      'i',
      ' ',
      ' ',
      '\u00a0',
      '’',
      "'",
      'é',
      'É',
      '2',
      '𝐀',
      '🙂',
      '-',
      '.',
      'l’',
      'en',
      'talents',
    ];
    const phrases = ['IA', 'talents en IA', 'l’IA', 'a', 'ia ia', 'en', 'é'];
    const { below: random } = seededRandom(7);
    const matchers = phrases.map((phrase) => createPhraseMatcher(phrase));
    let compared = 0;
    let found = 0;
    for (let run = 0; run < 3000; run += 1) {
      let text = '';
      const length = 1 + random(14);
      for (let index = 0; index < length; index += 1) text += pieces[random(pieces.length)];
      const which = random(phrases.length);
      const expected = referenceIndices(phrases[which] as string, text);
      expect((matchers[which] as ReturnType<typeof createPhraseMatcher>).exactIndices(text), text).toEqual(
        expected,
      );
      compared += 1;
      found += expected.length;
    }
    // The texts hold matches and misses alike.
    expect(compared).toBe(3000);
    expect(found).toBeGreaterThan(80);
  });
});
