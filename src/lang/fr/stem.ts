import { snowballFrenchStem } from './french-stemmer.js';
import { normalizeWord } from './normalize-word.js';

/** Past this many entries the memo is cleared: articles reuse a few thousand words, not more. */
const memoLimit = 50_000;
const memo = new Map<string, string>();

/**
 * The French Snowball stem of a word, after `normalizeWord` (« Talents » -> « talent »,
 * « recrutement » -> « recrut »). An elision stems to itself without its apostrophe (« l’ » -> « l »).
 * Memoized: the same words recur across an article's sentences, keyphrase and headings.
 */
export function stem(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const result = stemNormalized(normalizeWord(word));
  if (memo.size >= memoLimit) memo.clear();
  memo.set(word, result);
  return result;
}

/**
 * `stem` of a word already through `normalizeWord`, so callers that hold the normalized form do not normalize
 * it twice. Shares the memo: `normalizeWord` is idempotent, so a normalized word is its own key.
 */
export function stemNormalized(normalized: string): string {
  const known = memo.get(normalized);
  if (known !== undefined) return known;
  const result = normalized.endsWith("'") ? normalized.slice(0, -1) : snowballFrenchStem(normalized);
  if (memo.size >= memoLimit) memo.clear();
  memo.set(normalized, result);
  return result;
}

/** Forgets every memoized stem: for benches that measure a cold article. */
export function clearStemMemo(): void {
  memo.clear();
}
