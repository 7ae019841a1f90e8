import { describe, expect, it } from 'vitest';
import { CAPITAL_ACCENT_WORDS, capitalAccentLexicon } from '../../../src/lang/fr/capital-accent-words.js';
import { findBareCapitals, restoreCapitalAccents } from '../../../src/lang/fr/capital-accents.js';
import { type Lexicon, type PartOfSpeech, withClosedClasses } from '../../../src/lang/fr/lexicon.js';
import { createLefffLexicon } from '../../../src/lexicon/lefff-lexicon.js';

const lefff = createLefffLexicon();

describe('restoreCapitalAccents with the Lefff', () => {
  const cases: [string, string][] = [
    ['Evaluer le risque avant de partir.', 'Évaluer le risque avant de partir.'],
    ['Comment l’Etat finance-t-il les écoles ?', 'Comment l’État finance-t-il les écoles ?'],
    ["Selon l'Etat, rien ne change.", "Selon l'État, rien ne change."],
    ['Etant donné la météo, on reste.', 'Étant donné la météo, on reste.'],
    ['*Eteindre* la box.', '*Éteindre* la box.'],
    ['Ca marche très bien.', 'Ça marche très bien.'],
    ['Etes-vous prêts ?', 'Êtes-vous prêts ?'],
    ['Les Etats-Unis votent.', 'Les États-Unis votent.'],
    ['Egalement, Economie et Education.', 'Également, Économie et Éducation.'],
    ['(Electricité comprise)', '(Électricité comprise)'],
    ['« Etre ou ne pas être »', '« Être ou ne pas être »'],
    // Names, words that exist as written, acronyms and foreign words keep what the author wrote.
    ['Eric et Emile partent.', 'Eric et Emile partent.'],
    ['Eleventy est un générateur.', 'Eleventy est un générateur.'],
    ['Elle part. Enfin, Cette fois.', 'Elle part. Enfin, Cette fois.'],
    ['ETAT CIVIL', 'ETAT CIVIL'],
    ['Evita Perón', 'Evita Perón'],
    // Another letter's missing accent is not a capital's: « Apres » is left for the author.
    ['Apres le repas.', 'Apres le repas.'],
    // File names, addresses and paths that survived into the text.
    ['Voir Ecole.html ou Eric@exemple.fr.', 'Voir Ecole.html ou Eric@exemple.fr.'],
    ['le dossier Etude/2024', 'le dossier Etude/2024'],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(restoreCapitalAccents(input, lefff)).toBe(expected);
    expect(restoreCapitalAccents(expected, lefff)).toBe(expected);
  });
});

/** A lexicon of the given open-class words, closed classes included. */
function lexiconOf(entries: Record<string, PartOfSpeech[]>): Lexicon {
  return withClosedClasses({
    partsOfSpeech: (word) => new Set(entries[word.toLowerCase()] ?? entries[word] ?? []),
  });
}

describe('restoreCapitalAccents decides by the lexicon', () => {
  it('leaves a bare spelling with two accented readings alone', () => {
    const lexicon = lexiconOf({ émeu: ['noun'], èmeu: ['noun'] });
    expect(restoreCapitalAccents('Emeu', lexicon)).toBe('Emeu');
  });

  it('does not take a proper noun for a common word', () => {
    const lexicon = lexiconOf({ Émile: ['proper-noun'] });
    expect(restoreCapitalAccents('Emile vient.', lexicon)).toBe('Emile vient.');
  });

  it('leaves a word it cannot find accented as it is', () => {
    expect(restoreCapitalAccents('Ecrire vite.', lexiconOf({}))).toBe('Ecrire vite.');
    expect(restoreCapitalAccents('Ecrire vite.', lexiconOf({ écrire: ['infinitive'] }))).toBe('Écrire vite.');
  });
});

// The audit finds bare capitals with a short list (no full lexicon on its cold path): it must report only
// what the optimize's polish, with the Lefff, restores the same way.
describe("the audit's list of accented words", () => {
  const bare = (word: string) => `${word[0] === 'ç' ? 'C' : 'E'}${word.slice(1)}`;

  it.each(CAPITAL_ACCENT_WORDS.map((word) => [word]))(
    '%s: the Lefff restores its bare capital alike',
    (word) => {
      const capitalized = `${word[0]?.toUpperCase()}${word.slice(1)}`;
      expect(restoreCapitalAccents(bare(word), lefff)).toBe(capitalized);
      expect(restoreCapitalAccents(bare(word), capitalAccentLexicon)).toBe(capitalized);
    },
  );

  it('finds each bare capital where it is, with what it should be', () => {
    expect(findBareCapitals('Selon l’Etat, Ca va. Eric et Elle.', capitalAccentLexicon)).toEqual([
      { start: 8, end: 12, found: 'Etat', expected: 'État' },
      { start: 14, end: 16, found: 'Ca', expected: 'Ça' },
    ]);
  });
});
