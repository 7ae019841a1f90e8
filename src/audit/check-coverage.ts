import type { Analysis } from '../analyze/analysis.js';
import type { RemovedContent } from '../document.js';
import { comparableSentence } from './comparable-sentence.js';

export interface CoverageResult {
  /** Whether every source sentence is in the article. */
  passed: boolean;
  /** Sentences of the source, after ingest noise removal (navigation, footer, comments). */
  sourceSentences: number;
  /** Those found in the article, whatever their typography. */
  covered: number;
  /** Source sentences missing from the article, in source order. */
  missing: string[];
  /** Parts of the source page left out at ingest (navigation, comments…), with why; empty for other sources. */
  removed: RemovedContent[];
}

/** Shortest sentence checked, in letters and digits: « Oui. » alone proves nothing either way. */
const MIN_COMPARABLE_LENGTH = 3;

/**
 * Whether every sentence of the source (headings and the title included) is in the written article.
 * Typography, case and punctuation are ignored: the polish changes them on purpose. An extractive
 * writer must keep every sentence; one that is missing is a loss the report names. Pure.
 */
export function checkCoverage(
  output: Analysis,
  source: Analysis,
  removed: readonly RemovedContent[] = [],
): CoverageResult {
  // A sentence the article has as a sentence of its own is in its text (each key is a run of the text's
  // words): found without searching the whole text, which made a long article quadratic.
  // Most sentences are written the same in both (offline): each distinct text is made comparable once.
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) {
      key = comparableSentence(text);
      keys.set(text, key);
    }
    return key;
  };
  const outputSentences = new Set(output.sentences.map((sentence) => keyOf(sentence.text)));
  // A heading is a run of the text's words too: the source's title found as the article's H1 needs no search.
  for (const block of output.blocks) if (block.kind === 'heading') outputSentences.add(keyOf(block.text));
  // The whole text, only when a sentence is not found as a sentence (one the article split or joined).
  let outputText: string | undefined;
  const missing: string[] = [];
  let sourceSentences = 0;
  // Headings are not sentences in the analysis, but the author's title and subheadings are text too.
  const units = source.blocks.flatMap((block) =>
    block.kind === 'heading'
      ? [block.text]
      : source.sentences.slice(block.sentenceStart, block.sentenceEnd).map((sentence) => sentence.text),
  );
  for (const unit of units) {
    const key = keyOf(unit);
    if (!isLongEnough(key)) continue;
    sourceSentences += 1;
    if (outputSentences.has(key)) continue;
    outputText ??= ` ${comparableSentence(output.text)} `;
    if (!outputText.includes(` ${key} `)) missing.push(unit.trim());
  }
  return {
    passed: missing.length === 0,
    sourceSentences,
    covered: sourceSentences - missing.length,
    missing,
    removed: [...removed],
  };
}

/**
 * `key.replace(/ /g, '').length >= MIN_COMPARABLE_LENGTH`, counted without copying every sentence of the
 * source: most are long enough by their third character.
 */
function isLongEnough(key: string): boolean {
  let characters = 0;
  for (let index = 0; index < key.length; index += 1) {
    if (key.charCodeAt(index) !== SPACE && ++characters >= MIN_COMPARABLE_LENGTH) return true;
  }
  return characters >= MIN_COMPARABLE_LENGTH;
}

const SPACE = 0x20;

/**
 * One French line on what ingest left out of a page, by reason in order of first appearance:
 * « Retiré de la page : navigation (2 blocs, 14 mots), commentaires (1 bloc, 230 mots). »
 * Empty when nothing was removed. Pure.
 */
export function summarizeRemoved(removed: readonly RemovedContent[]): string {
  if (removed.length === 0) return '';
  const byReason = new Map<string, { blocks: number; words: number }>();
  for (const part of removed) {
    const total = byReason.get(part.reason) ?? { blocks: 0, words: 0 };
    total.blocks += 1;
    total.words += part.words;
    byReason.set(part.reason, total);
  }
  const parts = [...byReason].map(
    ([reason, { blocks, words }]) =>
      `${reason} (${blocks} bloc${blocks > 1 ? 's' : ''}, ${words} mot${words > 1 ? 's' : ''})`,
  );
  return `Retiré de la page : ${parts.join(', ')}.`;
}
