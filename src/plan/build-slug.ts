import { isFunctionWord } from '../lang/fr/function-words.js';
import { foldAccents, normalizeWord } from '../lang/fr/normalize-word.js';
import { isStopword } from '../lang/fr/stopwords.js';
import { tokenizeWords } from '../lang/fr/tokenize-words.js';
import { MAX_SLUG_LENGTH } from './slug-rule.js';

export { isValidSlug, MAX_SLUG_LENGTH } from './slug-rule.js';

/**
 * ASCII slug from the keyphrase: its words without stopwords, accents folded
 * (« talents en IA » -> « talents-ia »), at most 75 characters, cut between words.
 */
export function buildSlug(keyphrase: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = tokenizeWords(keyphrase)
    .filter((token) => token.kind !== 'elision')
    .map((token) => normalizeWord(token.text));
  const significant = words.filter((word) => !isStopword(word) && !isFunctionWord(word));
  const chosen = significant.length > 0 ? significant : words;
  const parts = chosen
    .map((word) =>
      foldAccents(word)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((part) => part.length > 0);
  let slug = '';
  for (const part of parts) {
    const next = slug.length === 0 ? part : `${slug}-${part}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug.length > 0 ? slug : 'article';
}
