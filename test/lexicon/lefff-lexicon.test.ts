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
