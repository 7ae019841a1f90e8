import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceBoundaries } from '../../../src/lang/fr/sentence-boundaries.js';

const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });

/** What `sentenceBoundaries` stands in for: the segments ICU starts after the first. */
function icuBoundaries(line: string): number[] {
  return [...segmenter.segment(line)].map((segment) => segment.index).filter((index) => index > 0);
}

describe('sentenceBoundaries', () => {
  it.each([
    ['Il pleut. Il vente.', [10]],
    ['Vraiment ?! Oui.', [12]],
    ['Il a dit « non. » Puis il est parti.', [16]],
    ['Le prix : 3.5 euros. 100 000 dollars.', []],
    ['Voir p. ex. la suite.', []],
    ['Fin. — Début.', []],
    ['U.S. Army', [5]],
    ['Sans point', []],
  ])('%j', (line, expected) => {
    expect(sentenceBoundaries(line)).toEqual(expected);
    expect(icuBoundaries(line)).toEqual(expected);
  });

  it('leaves other characters to ICU', () => {
    expect(sentenceBoundaries('e\u0301cole. Oui')).toBeNull();
    expect(sentenceBoundaries('mot\u00adcoupé. Oui')).toBeNull();
    expect(sentenceBoundaries('Ελληνικά. Ναι')).toBeNull();
  });

  it('is ICU on every line of the corpus and golden inputs it reads', () => {
    const root = join(import.meta.dirname, '../../..');
    let lines = 0;
    for (const folder of ['test/corpus', 'test/golden']) {
      for (const name of readdirSync(join(root, folder), { withFileTypes: true })) {
        if (!name.isDirectory()) continue;
        for (const file of readdirSync(join(root, folder, name.name))) {
          if (!/^(?:source|input)\./u.test(file)) continue;
          for (const line of readFileSync(join(root, folder, name.name, file), 'utf8').split('\n')) {
            const boundaries = sentenceBoundaries(line);
            if (boundaries === null) continue;
            expect(boundaries, line).toEqual(icuBoundaries(line));
            lines += 1;
          }
        }
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('is ICU on random lines of the characters it reads', () => {
    // Punctuation, spaces and both cases, heavily: where the rules differ.
    const alphabet = [
      ...'abeéßœAÉŒŸ12...!? \u00a0\u202f\u2009\t"\'()[]{}«»’‘“”„‹›,-:;–—…€°§%&*/_#×÷=<>@\\^`|~þÞÿøØ',
    ];
    let seed = 12_345;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let run = 0; run < 30_000; run += 1) {
      const length = 1 + Math.floor(random() * 12);
      let line = '';
      for (let index = 0; index < length; index += 1)
        line += alphabet[Math.floor(random() * alphabet.length)] as string;
      expect(sentenceBoundaries(line), line).toEqual(icuBoundaries(line));
    }
  });
});
