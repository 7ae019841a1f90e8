import { newStemmer } from 'snowball-stemmers';
import { normalizeWord } from './normalize-word.js';

const frenchStemmer = newStemmer('french');

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
  const normalized = normalizeWord(word);
  const result = normalized.endsWith("'") ? normalized.slice(0, -1) : frenchStemmer.stem(normalized);
  if (memo.size >= memoLimit) memo.clear();
  memo.set(word, result);
  return result;
}

/** Forgets every memoized stem: for benches that measure a cold article. */
export function clearStemMemo(): void {
  memo.clear();
}
