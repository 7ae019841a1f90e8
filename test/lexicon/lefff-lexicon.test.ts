import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedClassLexicon, isLinkingWord } from '../../src/lang/fr/lexicon.js';
import { createLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';

const lexicon = createLefffLexicon();

describe('createLefffLexicon', () => {
  it.each([
    ['recruteurs', 'noun'],
    ['affirment', 'finite-verb'],
    ['lancer', 'infinitive'],
    ['lancé', 'past-participle'],
    ['petites', 'adjective'],
    ['pénurie', 'noun'],
    ['aux', 'preposition'],
    ['les', 'determiner'],
    ['a', 'auxiliary'],
    ['Les', 'determiner'],
    ['d’expertise', 'noun'],
  ] as const)('« %s » can be a %s', (word, part) => {
    const lookup = word === 'd’expertise' ? 'expertise' : word;
    expect([...lexicon.partsOfSpeech(lookup)]).toContain(part);
  });

  it('knows nothing of a name it does not list', () => {
    expect(lexicon.partsOfSpeech('Suleyman').size).toBe(0);
  });

  it('tells the linking words that cannot end a heading', () => {
    expect(isLinkingWord(lexicon, 'les')).toBe(true);
    expect(isLinkingWord(lexicon, 'aux')).toBe(true);
    expect(isLinkingWord(lexicon, 'talents')).toBe(false);
    expect(isLinkingWord(closedClassLexicon, 'talents')).toBe(false);
  });

  it('reads nothing before the first lookup', () => {
    expect(() => createLefffLexicon('/nonexistent/lefff.mlex')).not.toThrow();
  });
});

describe('createLefffLexicon on a small sorted file (the search by byte offsets)', () => {
  // Forms that are prefixes of each other, several lines per form, and the first and last lines of
  // the file: the edges a bisection over bytes gets wrong.
  const lines = [
    'a\tv\tavoir\tP3s',
    'a\tprep\tà\t',
    'ab\tnc\tab\tms',
    'abc\tadj\tabc\tms',
    'abc\tnc\tabc\tms',
    'abcd\tadv\tabcd\t',
    'b\tnc\tb\tms',
    'bateau\tnc\tbateau\tms',
    'bateaux\tnc\tbateau\tmp',
    'zèbre\tnc\tzèbre\tms',
  ];
  const directory = mkdtempSync(join(tmpdir(), 'plume-lefff-'));
  const path = join(directory, 'small.mlex');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const small = createLefffLexicon(path);
  const withoutFinalNewline = join(directory, 'no-final-newline.mlex');
  writeFileSync(withoutFinalNewline, lines.join('\n'));
  const unterminated = createLefffLexicon(withoutFinalNewline);

  it.each([
    ['a', ['finite-verb', 'preposition']],
    ['ab', ['noun']],
    ['abc', ['adjective', 'noun']],
    ['abcd', ['adverb']],
    ['b', ['noun']],
    ['bateau', ['noun']],
    ['bateaux', ['noun']],
    ['zèbre', ['noun']],
    ['aa', []],
    ['abce', []],
    ['bat', []],
    ['zz', []],
    ['0', []],
  ] as const)('« %s » reads %j', (word, parts) => {
    // « a » and « à » are closed-class words too: compare only the open-class readings of the file.
    const open = (lexicon: typeof small) =>
      [...lexicon.partsOfSpeech(word)].filter((part) => !closedClassLexicon.partsOfSpeech(word).has(part));
    const expected = parts.filter((part) => !closedClassLexicon.partsOfSpeech(word).has(part));
    expect(open(small).sort()).toEqual([...expected].sort());
    expect(open(unterminated).sort()).toEqual([...expected].sort());
  });
});
