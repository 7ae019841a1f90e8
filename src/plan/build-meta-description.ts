import { createPhraseMatcher } from '../analyze/phrase-matcher.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { stem } from '../lang/fr/stem.js';
import { tokenizeWords } from '../lang/fr/tokenize-words.js';
import { capitalizeFirst, lowercaseFirst } from './build-title.js';

export interface BuildMetaDescriptionOptions {
  keyphrase: string;
  /** Sentences of the lead, in reading order (summary bullets, introduction, first section). */
  sentences: readonly string[];
  /** Shortest description in characters (default: the audit's, 120). */
  minLength?: number;
  /** Longest description in characters (default: the audit's, 156). */
  maxLength?: number;
}

/**
 * The meta description from the lead: whole sentences (one or two) of 120–156
 * characters with the keyphrase once when the source has them, else the best
 * sentence with the keyphrase cut at a word and closed with « … ».
 */
export function buildMetaDescription(options: BuildMetaDescriptionOptions): string {
  const minLength = options.minLength ?? DEFAULT_AUDIT_CONFIG.metaDescription.minCharacters;
  const maxLength = options.maxLength ?? DEFAULT_AUDIT_CONFIG.metaDescription.maxCharacters;
  const matcher = createPhraseMatcher(options.keyphrase);
  const occurrences = (text: string) =>
    Math.max(
      matcher.exactIndices(text).length,
      matcher.countInStems(
        tokenizeWords(text)
          .filter((token) => token.kind !== 'elision')
          .map((token) => stem(token.text)),
      ),
    );
  const sentences = options.sentences.map(cleanSentence).filter((sentence) => sentence.length > 0);
  const length = (text: string) => [...text].length;

  let best: { text: string; rank: number } | null = null;
  const consider = (text: string, rank: number) => {
    if (best === null || rank < best.rank) best = { text, rank };
  };
  sentences.forEach((_sentence, index) => {
    // One, two or three sentences in a row, whole when they fit, else cut at a word.
    for (let count = 1; count <= 3 && index + count <= sentences.length; count += 1) {
      const text = sentences.slice(index, index + count).join(' ');
      const extra = (count - 1) * 0.5;
      const occurrenceCount = occurrences(text);
      const size = length(text);
      if (occurrenceCount === 0) continue;
      if (size >= minLength && size <= maxLength)
        consider(text, index + extra + (occurrenceCount === 1 ? 0 : 5));
      else if (size > maxLength) {
        const cut = cutAtWord(text, maxLength);
        if (length(cut) >= minLength && occurrences(cut) >= 1) consider(cut, index + extra + 20);
        break;
      }
    }
  });
  if (best !== null) return (best as { text: string }).text;
  // The lead never names the keyphrase: put it first, then as much of the opening as fits.
  const opening = lowercaseFirst(sentences.slice(0, 3).join(' '));
  if (opening.length === 0) return capitalizeFirst(options.keyphrase.trim());
  const labelled = `${capitalizeFirst(options.keyphrase.trim())} : ${opening}`;
  return length(labelled) > maxLength ? cutAtWord(labelled, maxLength) : labelled;
}

function cleanSentence(sentence: string): string {
  return sentence
    .replace(/^[-–•*]\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Cuts at the last whole word that leaves room for « … », dropping a dangling comma or short word. */
function cutAtWord(text: string, maxLength: number): string {
  const characters = [...text];
  let cut = characters.slice(0, maxLength - 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > 0) cut = cut.slice(0, lastSpace);
  // « … pour les » reads broken: drop trailing function words and punctuation.
  let words = cut.replace(/[\s,;:–—«(]+$/u, '').split(' ');
  while (
    words.length > 1 &&
    isFunctionWord(normalizeWord((words[words.length - 1] as string).replace(/[,;:]$/u, '')))
  ) {
    words = words.slice(0, -1);
  }
  return `${words.join(' ').replace(/[\s,;:–—«(]+$/u, '')}…`;
}
