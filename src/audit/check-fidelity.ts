import type { Analysis } from '../analyze/analysis.js';
import { isLetterOrDigit } from '../character-class.js';

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
export interface CheckFidelityOptions {
  /**
   * The article is a translation: quotes cannot match word for word, so each quote of the article must
   * stand for a distinct quote of the source of comparable length (default: false).
   */
  translated?: boolean;
}

export function checkFidelity(
  output: Analysis,
  source: Analysis,
  options: CheckFidelityOptions = {},
): FidelityResult {
  const sourceText = comparable(source.text);
  const sourceFigures = new Set(source.facts.figures.map((figure) => figure.key));
  const sourceNumbers = new Set(source.facts.figures.map((figure) => figure.key.split(' ')[0]));
  const issues: FidelityIssue[] = [];
  // A name recurs (« Google » in most paragraphs): each distinct text is searched in the source once.
  const found = new Map<string, boolean>();
  const inSource = (text: string): boolean => {
    let answer = found.get(text);
    if (answer === undefined) {
      answer = containsWhole(sourceText, comparable(text));
      found.set(text, answer);
    }
    return answer;
  };
  for (const figure of output.facts.figures) {
    const digits = figure.key.split(' ')[0] as string;
    const known = sourceFigures.has(figure.key) || (figure.key === digits && sourceNumbers.has(digits));
    if (!known && !inSource(figure.text)) issues.push({ kind: 'figure', ...span(figure) });
  }
  if (options.translated) {
    // A source typed with straight quotes ("…") has its quotations too: the article's typography turns
    // them into guillemets, so they count among the source's quotes.
    const available = [
      ...source.facts.quotes.map((quote) => quote.text.length),
      ...straightQuoteLengths(source.text),
    ];
    for (const quote of output.facts.quotes) {
      const match = available.findIndex(
        (length) => length > 0 && quote.text.length <= length * 2 && quote.text.length >= length / 2,
      );
      if (match < 0) issues.push({ kind: 'quote', ...span(quote) });
      else available[match] = 0;
    }
  } else {
    for (const quote of output.facts.quotes) {
      if (!inSource(quote.text)) issues.push({ kind: 'quote', ...span(quote) });
    }
  }
  for (const name of output.facts.names) {
    if (!inSource(name.text)) issues.push({ kind: 'name', ...span(name) });
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

/** Lengths of the passages between pairs of straight double quotes, block by block. */
function straightQuoteLengths(text: string): number[] {
  const lengths: number[] = [];
  for (const block of text.split('\n\n')) {
    const parts = block.split('"');
    // An odd count of quotes (inches, a quote left open) pairs nothing reliably.
    if (parts.length % 2 === 0) continue;
    for (let index = 1; index < parts.length; index += 2) {
      const inside = (parts[index] as string).trim();
      if (/\p{L}/u.test(inside)) lengths.push(inside.length);
    }
  }
  return lengths;
}

function span(fact: { text: string; start: number; end: number }) {
  return { text: fact.text, start: fact.start, end: fact.end };
}

/** Case, spaces (regular, no-break, narrow), apostrophes and quotation marks do not make a fact different. */
function comparable(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLowerCase() // French lowercasing is Unicode's default (see normalizeWord)
      .replace(/[’ʼ‘]/g, "'")
      .replace(/[«»“”"]/g, '')
      // `\s` holds the no-break and narrow no-break spaces; without the `u` flag it is the same set, and faster.
      // Each run of spaces becomes one space: a lone plain space, most of them, is left as it is.
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim()
  );
}

/** `/[\p{L}\p{N}]/u` on one UTF-16 unit (half a surrogate pair is neither). */
function isWordCharacter(character: string): boolean {
  return isLetterOrDigit(character.charCodeAt(0));
}

/** « 2 000 euros » is not in « 12 000 euros », nor « Alex » in « Alexandre »: matches stop at word edges. */
function containsWhole(haystack: string, needle: string): boolean {
  if (needle.length === 0) return true;
  let from = 0;
  // The needle's edges are the same at every match: tested once.
  let startsWord: boolean | undefined;
  let endsWord: boolean | undefined;
  for (;;) {
    const index = haystack.indexOf(needle, from);
    if (index < 0) return false;
    const before = haystack[index - 1];
    const after = haystack[index + needle.length];
    startsWord ??= isWordCharacter(needle[0] as string);
    endsWord ??= isWordCharacter(needle[needle.length - 1] as string);
    const cleanStart = !startsWord || before === undefined || !isWordCharacter(before);
    const cleanEnd = !endsWord || after === undefined || !isWordCharacter(after);
    if (cleanStart && cleanEnd) return true;
    from = index + 1;
  }
}
