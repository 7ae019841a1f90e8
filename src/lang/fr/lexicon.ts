import { hasUppercaseInitial } from '../../character-class.js';
import {
  ADVERBS,
  ARTICLES,
  AUXILIARIES,
  CONJUNCTIONS,
  DETERMINERS,
  PREPOSITIONS,
  PRONOUNS,
} from './function-words.js';

/** The parts of speech a heading check needs; verbs are split by form because « a été » ≠ « lancer ». */
export type PartOfSpeech =
  | 'noun'
  | 'proper-noun'
  | 'adjective'
  | 'finite-verb'
  | 'infinitive'
  | 'past-participle'
  | 'present-participle'
  | 'auxiliary'
  | 'adverb'
  | 'determiner'
  | 'preposition'
  | 'conjunction'
  | 'subordinator'
  | 'pronoun';

/**
 * Word → parts of speech. An unknown word answers an empty set. Implementations: the closed classes
 * below (always right for grammar words), and a full lexicon of open-class words (nouns, verbs,
 * adjectives) loaded by an edge module and injected, so that the core never reads a file.
 */
export interface Lexicon {
  partsOfSpeech(word: string): ReadonlySet<PartOfSpeech>;
}

const CLOSED_CLASSES: ReadonlyMap<string, ReadonlySet<PartOfSpeech>> = buildClosedClasses();

function buildClosedClasses(): Map<string, Set<PartOfSpeech>> {
  const map = new Map<string, Set<PartOfSpeech>>();
  const add = (words: readonly string[], part: PartOfSpeech) => {
    for (const word of words) {
      const set = map.get(word) ?? new Set<PartOfSpeech>();
      set.add(part);
      map.set(word, set);
    }
  };
  add(ARTICLES, 'determiner');
  for (const list of Object.values(DETERMINERS)) add(list, 'determiner');
  for (const list of Object.values(PRONOUNS)) add(list, 'pronoun');
  add(PREPOSITIONS, 'preposition');
  add(CONJUNCTIONS.coordinating, 'conjunction');
  add(CONJUNCTIONS.subordinating, 'subordinator');
  for (const list of Object.values(AUXILIARIES)) add(list, 'auxiliary');
  for (const list of Object.values(ADVERBS)) add(list, 'adverb');
  // « de », « des », « du » are both articles and prepositions: keep both readings.
  for (const word of ['de', "d'", 'des', 'du', 'au', 'aux']) add([word], 'preposition');
  return map;
}

/** The grammar words of French from our own lists: enough to refuse « …pour les », not to know verbs. */
export const closedClassLexicon: Lexicon = {
  partsOfSpeech(word) {
    const lower = word.toLowerCase();
    // Most words have no apostrophe: no replacement pass for them.
    return CLOSED_CLASSES.get(lower.includes('’') ? lower.replace(/’/gu, "'") : lower) ?? EMPTY;
  },
};

const EMPTY: ReadonlySet<PartOfSpeech> = new Set();

/** More distinct words than a French writer's vocabulary: past it, the memo is cleared rather than grown. */
const MAX_CACHED_WORDS = 50_000;

/**
 * Closed classes first (they are complete and the full lexicon lacks contractions such as « aux »),
 * then the open-class lexicon. For a grammar word both readings are kept (« été » the noun).
 */
export function withClosedClasses(openClasses: Lexicon): Lexicon {
  const cache = new Map<string, ReadonlySet<PartOfSpeech>>();
  return {
    partsOfSpeech(word) {
      const cached = cache.get(word);
      if (cached) return cached;
      const closed = closedClassLexicon.partsOfSpeech(word);
      const open = openClasses.partsOfSpeech(word);
      const merged = closed.size === 0 ? open : open.size === 0 ? closed : new Set([...closed, ...open]);
      // A batch meets every form, misspelling and name of thousands of articles: start over past a vocabulary.
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(word, merged);
      return merged;
    },
  };
}

/** Words that only link: a phrase cannot end on one of them. */
const LINKING: ReadonlySet<PartOfSpeech> = new Set([
  'determiner',
  'preposition',
  'conjunction',
  'subordinator',
  'auxiliary',
]);

/** Whether every reading of the word is a linking word (« les », « pour », « et », « a »). */
export function isLinkingWord(lexicon: Lexicon, word: string): boolean {
  const parts = lexicon.partsOfSpeech(word);
  if (parts.size === 0) return false;
  for (const part of parts) if (!LINKING.has(part) && part !== 'pronoun') return false;
  return true;
}

/** Whether the word can be read as a noun, a proper noun, or is unknown and capitalised (a name). */
export function canBeNoun(lexicon: Lexicon, word: string): boolean {
  const parts = lexicon.partsOfSpeech(word);
  if (parts.has('noun') || parts.has('proper-noun')) return true;
  return parts.size === 0 && hasUppercaseInitial(word);
}

/** Whether the word has a verb reading of the given forms. */
export function hasPart(lexicon: Lexicon, word: string, part: PartOfSpeech): boolean {
  return lexicon.partsOfSpeech(word).has(part);
}
