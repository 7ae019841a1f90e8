import type { Analysis } from '../analyze/analysis.js';

export type FactKind = 'figure' | 'quote' | 'name';

export interface FidelityIssue {
  kind: FactKind;
  text: string;
  /** Offsets into the written article's analysis text. */
  start: number;
  end: number;
}

export interface FidelityResult {
  passed: boolean;
  checked: Record<FactKind, number>;
  issues: FidelityIssue[];
}

/**
 * Every figure, direct quote and name of the written article must come from
 * the source. Comparison ignores case, kinds of spaces and apostrophes, and
 * units' spelling (« 100 000 dollars » = « 100 000 $ »). Pure.
 */
export function checkFidelity(output: Analysis, source: Analysis): FidelityResult {
  const sourceText = comparable(source.text);
  const sourceFigures = new Set(source.facts.figures.map((figure) => figure.key));
  const sourceNumbers = new Set(source.facts.figures.map((figure) => figure.key.split(' ')[0]));
  const issues: FidelityIssue[] = [];
  for (const figure of output.facts.figures) {
    const digits = figure.key.split(' ')[0] as string;
    const known = sourceFigures.has(figure.key) || (figure.key === digits && sourceNumbers.has(digits));
    if (!known && !sourceText.includes(comparable(figure.text)))
      issues.push({ kind: 'figure', ...span(figure) });
  }
  for (const quote of output.facts.quotes) {
    if (!sourceText.includes(comparable(quote.text))) issues.push({ kind: 'quote', ...span(quote) });
  }
  for (const name of output.facts.names) {
    if (!sourceText.includes(comparable(name.text))) issues.push({ kind: 'name', ...span(name) });
  }
  return {
    passed: issues.length === 0,
    checked: {
      figure: output.facts.figures.length,
      quote: output.facts.quotes.length,
      name: output.facts.names.length,
    },
    issues,
  };
}

function span(fact: { text: string; start: number; end: number }) {
  return { text: fact.text, start: fact.start, end: fact.end };
}

/** Case, spaces (regular, no-break, narrow), apostrophes and quotation marks do not make a fact different. */
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('fr')
    .replace(/[’ʼ‘]/g, "'")
    .replace(/[«»“”"]/g, '')
    .replace(/[\s\u00a0\u202f]+/gu, ' ')
    .trim();
}
