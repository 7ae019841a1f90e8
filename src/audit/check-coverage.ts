import type { Analysis } from '../analyze/analysis.js';

export interface CoverageResult {
  /** Whether every source sentence is in the article. */
  passed: boolean;
  /** Sentences of the source, after ingest noise removal (navigation, footer, comments). */
  sourceSentences: number;
  /** Those found in the article, whatever their typography. */
  covered: number;
  /** Source sentences missing from the article, in source order. */
  missing: string[];
}

/** Shortest sentence checked, in letters and digits: « Oui. » alone proves nothing either way. */
const MIN_COMPARABLE_LENGTH = 3;

/**
 * Whether every sentence of the source (headings and the title included) is in the written article.
 * Typography, case and punctuation are ignored: the polish changes them on purpose. An extractive
 * writer must keep every sentence; one that is missing is a loss the report names. Pure.
 */
export function checkCoverage(output: Analysis, source: Analysis): CoverageResult {
  const outputText = ` ${comparable(output.text)} `;
  // A sentence the article has as a sentence of its own is in its text (each key is a run of the text's
  // words): found without searching the whole text, which made a long article quadratic.
  const outputSentences = new Set(output.sentences.map((sentence) => comparable(sentence.text)));
  const missing: string[] = [];
  let sourceSentences = 0;
  // Headings are not sentences in the analysis, but the author's title and subheadings are text too.
  const units = source.blocks.flatMap((block) =>
    block.kind === 'heading'
      ? [block.text]
      : source.sentences.slice(block.sentenceStart, block.sentenceEnd).map((sentence) => sentence.text),
  );
  for (const unit of units) {
    const key = comparable(unit);
    if (key.replace(/ /g, '').length < MIN_COMPARABLE_LENGTH) continue;
    sourceSentences += 1;
    if (!outputSentences.has(key) && !outputText.includes(` ${key} `)) missing.push(unit.trim());
  }
  return {
    passed: missing.length === 0,
    sourceSentences,
    covered: sourceSentences - missing.length,
    missing,
  };
}

/**
 * Letters and digits only, lower case, one space between words. Capitals lose their accents: the
 * polish writes « À quoi bon » where the author typed « A quoi bon » (French capitals take accents),
 * and that is the same sentence.
 */
function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Lu})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase() // French lowercasing is Unicode's default (see normalizeWord)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
