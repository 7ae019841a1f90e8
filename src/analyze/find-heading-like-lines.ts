import { hasUppercaseInitial } from '../character-class.js';
import type { AnalyzedSentence, Block, HeadingLikeLine } from './analysis.js';

/** Limits for a paragraph to pass as a heading written as plain text. */
export const HEADING_LIKE_LIMITS = Object.freeze({
  /** Without final punctuation a heading can be a little longer. */
  maxWordsUnpunctuated: 16,
  /** With a final period it must be short, or it is just a short paragraph. */
  maxWordsWithPeriod: 12,
  minWords: 2,
});

/**
 * Paragraphs that read like headings lost in plain text: one short sentence,
 * between two paragraphs, not a quote, followed by a longer paragraph.
 */
export function findHeadingLikeLines(
  blocks: readonly Block[],
  sentences: readonly AnalyzedSentence[],
): HeadingLikeLine[] {
  const found: HeadingLikeLine[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const previous = blocks[block.index - 1];
    const next = blocks[block.index + 1];
    if (!previous || !next || next.kind === 'heading' || previous.kind === 'heading') continue;
    if (block.sentenceEnd - block.sentenceStart !== 1) continue;
    const sentence = sentences[block.sentenceStart] as AnalyzedSentence;
    const text = block.text.trim();
    if (/^[«“"'‘—–-]/u.test(text) || /[»”]/u.test(text)) continue;
    if (!hasUppercaseInitial(text) || /[,;:…]$/u.test(text)) continue;
    const limit = /[.!]$/u.test(text)
      ? HEADING_LIKE_LIMITS.maxWordsWithPeriod
      : HEADING_LIKE_LIMITS.maxWordsUnpunctuated;
    if (sentence.wordCount < HEADING_LIKE_LIMITS.minWords || sentence.wordCount > limit) continue;
    if (next.wordCount <= block.wordCount) continue;
    // A previous block cut mid-sentence means a hard-wrapped paragraph, not a heading.
    if (previous.kind === 'paragraph' && !/[.!?…»”)]$/u.test(previous.text)) continue;
    // Two in a row would leave an empty section: the first is the heading, the second its text.
    if (found[found.length - 1]?.blockIndex === block.index - 1) continue;
    found.push({ text: block.text, start: block.start, end: block.end, blockIndex: block.index });
  }
  return found;
}
