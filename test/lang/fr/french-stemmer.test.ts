import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as stemmerModule from '../../../src/lang/fr/french-stemmer.js';
import { snowballFrenchStem } from '../../../src/lang/fr/french-stemmer.js';

/** Snowball's French vocabulary and its reference stems (see test/fixtures/snowball-french/README.md). */
function readVocabulary(): { word: string; stem: string }[] {
  const path = new URL('../../fixtures/snowball-french/vocabulary.txt.gz', import.meta.url);
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const [word = '', stem = ''] = line.split(' ');
    return { word, stem: /^\d+$/.test(stem) ? word.slice(0, word.length - Number(stem)) : stem };
  });
}

describe('snowballFrenchStem', () => {
  it('exports its API', () => {
    expect(Object.keys(stemmerModule)).toEqual(['snowballFrenchStem']);
  });

  it("stems every word of Snowball's French test vocabulary as the reference output does", () => {
    const vocabulary = readVocabulary();
    expect(vocabulary.length).toBe(21_655);
    const mismatches = vocabulary
      .filter(({ word, stem }) => snowballFrenchStem(word) !== stem)
      .map(({ word, stem }) => `${word}: ${snowballFrenchStem(word)} (expected ${stem})`);
    expect(mismatches).toEqual([]);
  });

  it.each([
    { word: 'recrutements', expected: 'recrut' },
    { word: 'continuellement', expected: 'continuel' },
    { word: 'bijoux', expected: 'bijou' },
    { word: "l'entreprise", expected: 'entrepris' },
  ])('$word -> $expected', ({ word, expected }) => {
    expect(snowballFrenchStem(word)).toBe(expected);
  });
});
