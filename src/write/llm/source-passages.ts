import type { Analysis, Block } from '../../analyze/analysis.js';
import type { Passage } from '../../plan/seo-plan.js';

/**
 * The source as the model sees it: one numbered passage per block (« [P3] … »),
 * headings marked, so that the plan can say which passages each section covers.
 */
export interface NumberedSource {
  text: string;
  /** Passage number (1-based) -> block of the source analysis. */
  blocks: ReadonlyMap<number, Block>;
}

export function numberSource(analysis: Analysis): NumberedSource {
  const blocks = new Map<number, Block>();
  const lines: string[] = [];
  for (const block of analysis.blocks) {
    const number = block.index + 1;
    blocks.set(number, block);
    const prefix = block.kind === 'heading' ? '(intertitre) ' : block.kind === 'list-item' ? '- ' : '';
    lines.push(`[P${number}] ${prefix}${block.text}`);
  }
  return { text: lines.join('\n'), blocks };
}

/** Passages (top-level source nodes) for the given passage numbers; unknown numbers are ignored. */
export function passagesFor(numbers: readonly number[], source: NumberedSource): Passage[] {
  const seen = new Set<number>();
  const passages: Passage[] = [];
  for (const number of numbers) {
    const block = source.blocks.get(number);
    if (!block || block.kind === 'heading' || seen.has(block.nodeIndex)) continue;
    seen.add(block.nodeIndex);
    passages.push({ nodeIndex: block.nodeIndex, wordCount: block.wordCount });
  }
  return passages;
}

/** The text of passages for a prompt, numbered as in the plan. */
export function passagesText(passages: readonly Passage[], analysis: Analysis): string {
  const nodes = new Set(passages.map((passage) => passage.nodeIndex));
  return analysis.blocks
    .filter((block) => nodes.has(block.nodeIndex) && block.kind !== 'heading')
    .map((block) => `[P${block.index + 1}] ${block.text}`)
    .join('\n');
}

/** Facts (figures, quotes, names) found in the given passages, one per line, for the section prompt. */
export function factsText(passages: readonly Passage[], analysis: Analysis): string {
  const nodes = new Set(passages.map((passage) => passage.nodeIndex));
  const ranges = analysis.blocks.filter((block) => nodes.has(block.nodeIndex));
  const inside = (fact: { start: number }) =>
    ranges.some((block) => fact.start >= block.start && fact.start < block.end);
  const lines: string[] = [];
  const figures = [...new Set(analysis.facts.figures.filter(inside).map((figure) => figure.text))];
  const quotes = analysis.facts.quotes.filter(inside).map((quote) => quote.text);
  const names = [...new Set(analysis.facts.names.filter(inside).map((name) => name.text))];
  if (figures.length > 0) lines.push(`Chiffres : ${figures.join(' ; ')}`);
  if (names.length > 0) lines.push(`Noms : ${names.join(', ')}`);
  // Quotes are in the passages already, word for word: counting them is enough to remind the model.
  if (quotes.length > 0)
    lines.push(`Citations à garder mot pour mot : ${quotes.length} (entre « » dans les passages)`);
  return lines.join('\n');
}

/** Passages no section of the plan covers: material for expanding short sections. */
export function unusedPassages(used: readonly Passage[], analysis: Analysis): Passage[] {
  const usedNodes = new Set(used.map((passage) => passage.nodeIndex));
  const result: Passage[] = [];
  const seen = new Set<number>();
  for (const block of analysis.blocks) {
    if (block.kind === 'heading' || usedNodes.has(block.nodeIndex) || seen.has(block.nodeIndex)) continue;
    seen.add(block.nodeIndex);
    result.push({ nodeIndex: block.nodeIndex, wordCount: block.wordCount });
  }
  return result;
}
