import { normalizeWord } from '../lang/fr/normalize-word.js';

/**
 * Evaluative and ordinal adjectives that qualify anything and name no topic of their own (« grand »,
 * « bon », « nouveau », « premier »): a heading's centrality does not count them, and a keyphrase made of
 * one of them and a noun (« bon sens », « nouveau plugin ») is an idiom or a generic phrase, not what a
 * reader types into a search engine to find the article. Every form, lower case.
 */
const GENERIC_ADJECTIVES: ReadonlySet<string> = new Set([
  // Size and worth.
  ...['grand', 'grande', 'grands', 'grandes', 'petit', 'petite', 'petits', 'petites'],
  ...['gros', 'grosse', 'grosses', 'beau', 'bel', 'belle', 'beaux', 'belles'],
  ...['bon', 'bonne', 'bons', 'bonnes', 'mauvais', 'mauvaise', 'mauvaises'],
  ...['meilleur', 'meilleure', 'meilleurs', 'meilleures', 'pire', 'pires'],
  ...['vrai', 'vraie', 'vrais', 'vraies', 'plein', 'pleine', 'pleins', 'pleines'],
  // Novelty and order.
  ...['nouveau', 'nouvel', 'nouvelle', 'nouveaux', 'nouvelles', 'vieux', 'vieil', 'vieille', 'vieilles'],
  ...['premier', 'première', 'premiers', 'premières', 'dernier', 'dernière', 'derniers', 'dernières'],
  // Identity.
  ...['seul', 'seule', 'seuls', 'seules', 'même', 'mêmes', 'autre', 'autres'],
]);

export function isGenericAdjective(word: string): boolean {
  return GENERIC_ADJECTIVES.has(normalizeWord(word));
}
