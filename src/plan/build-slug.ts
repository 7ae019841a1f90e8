import { isFunctionWord } from '../lang/fr/function-words.js';
import { foldAccents, normalizeWord } from '../lang/fr/normalize-word.js';
import { isStopword } from '../lang/fr/stopwords.js';
import { tokenizeWords } from '../lang/fr/tokenize-words.js';

/** Longest slug: longer URLs are cut in results and harder to share. */
export const MAX_SLUG_LENGTH = 75;

/** Lower-case ASCII words of letters and digits joined by single hyphens. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether `value` is a slug Plume may publish and name files with: lower-case
 * ASCII letters and digits, single hyphens between them, at most 75
 * characters. Nothing else: no dot, slash, space, control character, leading
 * or trailing hyphen. The one check for every origin (flag, front matter,
 * source page, LLM plan, batch and queue results).
 */
export function isValidSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

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
