import { normalizeWord } from '../lang/fr/normalize-word.js';
import type { WordToken } from '../lang/fr/tokenize-words.js';

/** After « ce », « cette », « ces »: words that make it a pronoun or an idiom, not a pointer to a thing told before. */
const NOT_DEMONSTRATIVE_AFTER = new Set([
  'que',
  "qu'",
  'qui',
  'dont',
  'sont',
  'soit',
  'sera',
  'serait',
  'fut',
  'ne',
  "n'",
  'faisant',
  // « ce à quoi », « ce sur quoi », « ce pour quoi »: the pronoun before a relative.
  'à',
  'sur',
  'pour',
  // « de ce fait », « à ce jour », « en ce moment », « à cette époque » say when or why, not which thing.
  'fait',
  'jour',
  'moment',
  'stade',
  'époque',
  'sujet',
  'propos',
]);

/** A demonstrative determiner before a noun (« ce maillon faible », « cette mésaventure »). */
export function pointsBackWithDemonstrative(tokens: readonly WordToken[]): boolean {
  return tokens.some((token, index) => {
    const word = normalizeWord(token.text);
    if (word !== 'ce' && word !== 'cet' && word !== 'cette' && word !== 'ces') return false;
    const next = tokens[index + 1];
    if (next === undefined || NOT_DEMONSTRATIVE_AFTER.has(normalizeWord(next.text))) return false;
    // « un de ces masques »: one of a kind, not one told before.
    const previous = normalizeWord(tokens[index - 1]?.text ?? '');
    const beforePrevious = normalizeWord(tokens[index - 2]?.text ?? '');
    return !(previous === 'de' && (beforePrevious === 'un' || beforePrevious === 'une'));
  });
}
