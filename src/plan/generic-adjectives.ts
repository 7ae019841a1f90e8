import { normalizeWord } from '../lang/fr/normalize-word.js';

/**
 * Evaluative and ordinal adjectives that qualify anything and name no topic of their own (« bon »,
 * « nouveau », « premier »): a heading's centrality does not count them (nor those of size, « grand »), and
 * a keyphrase made of one of them and a noun (« bon sens », « nouveau plugin ») is an idiom or a generic
 * phrase, not what a reader types into a search engine to find the article. Every form, lower case.
 */
const EVALUATIVE_ADJECTIVES: ReadonlySet<string> = new Set([
  // Worth.
  ...['beau', 'bel', 'belle', 'beaux', 'belles'],
  ...['bon', 'bonne', 'bons', 'bonnes', 'mauvais', 'mauvaise', 'mauvaises'],
  ...['meilleur', 'meilleure', 'meilleurs', 'meilleures', 'pire', 'pires'],
  ...['vrai', 'vraie', 'vrais', 'vraies', 'plein', 'pleine', 'pleins', 'pleines'],
  // Novelty and order.
  ...['nouveau', 'nouvel', 'nouvelle', 'nouveaux', 'nouvelles', 'vieux', 'vieil', 'vieille', 'vieilles'],
  ...['premier', 'première', 'premiers', 'premières', 'dernier', 'dernière', 'derniers', 'dernières'],
  // Identity.
  ...['seul', 'seule', 'seuls', 'seules', 'même', 'mêmes', 'autre', 'autres'],
]);
/** Size: generic in a heading, but part of real terms a reader searches (« petites entreprises », « gros fichiers »). */
const SIZE_ADJECTIVES: ReadonlySet<string> = new Set([
  ...['grand', 'grande', 'grands', 'grandes', 'petit', 'petite', 'petits', 'petites'],
  ...['gros', 'grosse', 'grosses'],
]);

/** Any generic adjective, size included: what a heading's centrality leaves out. */
export function isGenericAdjective(word: string): boolean {
  const normalized = normalizeWord(word);
  return EVALUATIVE_ADJECTIVES.has(normalized) || SIZE_ADJECTIVES.has(normalized);
}

/** An evaluative or ordinal adjective (not one of size): what makes a two-word keyphrase generic. */
export function isEvaluativeAdjective(word: string): boolean {
  return EVALUATIVE_ADJECTIVES.has(normalizeWord(word));
}
