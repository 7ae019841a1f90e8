import type { Options } from 'remark-stringify';

type TextHandler = NonNullable<NonNullable<Options['handlers']>['text']>;
type State = Parameters<TextHandler>[2];
type SafeConfig = Parameters<State['safe']>[1];
type Unsafe = State['unsafe'][number];

/**
 * The serializer's own `text` handler (`state.safe` on the value, with the nodes around it), skipping
 * `state.safe` when it would return the value unchanged: when no unsafe pattern in scope matches at a
 * position of the text (matches in the text around it escape nothing) and the text has no backslash. Most French prose matches none (a period escapes only
 * after a line break or in « www. », a colon only in « http:/ »…), and `state.safe` runs every pattern of
 * the list over every text, a tenth of the time of an offline optimize. Same output, checked on every
 * golden and corpus article.
 */
export const plainTextHandler: TextHandler = (node, parent, state, info) => {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1] as number;
  const nodes = { afterNode: siblings[index + 1], beforeNode: siblings[index - 1] };
  // The configuration `state.safe` takes is only built for the few texts that need it.
  if (!needsSafe(state, node.value, info, nodes)) return node.value;
  const config: SafeConfig = { ...info, ...nodes };
  return state.safe(node.value, config);
};

/** The nodes around a text, which some patterns look at. */
interface NeighbourNodes {
  afterNode: SafeConfig['afterNode'];
  beforeNode: SafeConfig['beforeNode'];
}

/**
 * False only when `state.safe(value, config)` is `value`: no backslash to escape, and no pattern matches
 * at a position of the value itself (`safe` skips the matches in the text around it: a heading's closing
 * line break, the « ** » before a strong text's words).
 */
function needsSafe(
  state: State,
  value: string,
  info: Pick<SafeConfig, 'before' | 'after'>,
  config: NeighbourNodes,
): boolean {
  const before = info.before ?? '';
  const after = info.after ?? '';
  if (value.includes('\\') || after.includes('\\') || state.stack.includes('autolink')) return true;
  const whole = before + value + after;
  const end = whole.length - after.length;
  // Most texts are one line: then no pattern that needs a line break can match.
  const hasLineBreak = whole.includes('\n') || whole.includes('\r');
  // Some eighty patterns share some twenty characters: each character is searched for once per text.
  searchStamp += 1;
  for (const { pattern, needsLineBreak } of patternsInScope(state)) {
    if (needsLineBreak && !hasLineBreak) continue;
    // No match without the pattern's character: most patterns are ruled out by this alone.
    if (!holds(whole, pattern.character)) continue;
    if (!nodeInScope(pattern.beforeNode, config.beforeNode)) continue;
    if (!nodeInScope(pattern.afterNode, config.afterNode)) continue;
    const expression = state.compilePattern(pattern);
    const from = pattern.beforeNode ? before.length : 0;
    const subject = whole.slice(from, pattern.afterNode ? end : undefined);
    // Where `state.safe` puts the match: after the context its expression captures first.
    const captures = Boolean(pattern.before || pattern.atBreak);
    // The compiled expression is global and shared with `state.safe`: leave it as found.
    expression.lastIndex = 0;
    let matched = false;
    for (let match = expression.exec(subject); match !== null; match = expression.exec(subject)) {
      const position = from + match.index + (captures ? (match[1] as string).length : 0);
      if (position >= before.length && position < end) {
        matched = true;
        break;
      }
    }
    expression.lastIndex = 0;
    if (matched) return true;
  }
  return false;
}

/** An unsafe pattern, and whether its expression can only match where the text has a line break. */
interface ScopedPattern {
  pattern: Unsafe;
  needsLineBreak: boolean;
}

/**
 * The serializer's patterns in scope for its construct stack, in order: whether a pattern is in scope
 * depends on the stack alone, and a document has few distinct stacks (« paragraph, phrasing », « heading,
 * phrasing »…) but a text node per run of plain text. The list of patterns is the serializer's own for
 * one document (it is not changed while it runs).
 */
function patternsInScope(state: State): readonly ScopedPattern[] {
  let byStack = patternsByStack.get(state.unsafe);
  if (byStack === undefined) {
    byStack = new Map();
    patternsByStack.set(state.unsafe, byStack);
  }
  // Construct names have no line break: joined by one, two stacks have the same key only when equal.
  const key = state.stack.join('\n');
  let patterns = byStack.get(key);
  if (patterns === undefined) {
    patterns = state.unsafe
      .filter((pattern) => inScope(state.stack, pattern))
      .map((pattern) => ({ pattern, needsLineBreak: needsLineBreak(pattern) }));
    byStack.set(key, patterns);
  }
  return patterns;
}

const patternsByStack = new WeakMap<readonly Unsafe[], Map<string, readonly ScopedPattern[]>>();

/**
 * Whether the pattern's compiled expression (`state.compilePattern`) holds a line break it must match:
 * `atBreak` opens it with `[\r\n][\t ]*`, and a `before` or `after` context of `[\r\n]`, `\r` or `\n`
 * alone is one; but with a `beforeNode` the expression opens on `^` instead of either, with an `afterNode`
 * it ends on `$` instead of its `after`.
 */
function needsLineBreak(pattern: Unsafe): boolean {
  const breakBefore =
    pattern.beforeNode === undefined &&
    (pattern.atBreak === true || LINE_BREAK_CONTEXTS.has(pattern.before ?? ''));
  const breakAfter = pattern.afterNode === undefined && LINE_BREAK_CONTEXTS.has(pattern.after ?? '');
  return breakBefore || breakAfter;
}

const LINE_BREAK_CONTEXTS: ReadonlySet<string> = new Set(['[\\r\\n]', '\\r', '\\n']);

/**
 * Whether `whole` holds `character`, remembered for the ASCII characters until `searchStamp` changes (one
 * text): patterns' characters are ASCII punctuation and spaces. No allocation per text node.
 */
function holds(whole: string, character: string): boolean {
  const code = character.charCodeAt(0);
  if (character.length !== 1 || code >= ASCII_END) return whole.includes(character);
  if (searchedAt[code] !== searchStamp) {
    searchedAt[code] = searchStamp;
    found[code] = whole.includes(character) ? 1 : 0;
  }
  return found[code] === 1;
}

const ASCII_END = 0x80;
/** The text each ASCII character was last searched in (its stamp), and whether it was found there. */
const searchedAt = new Float64Array(ASCII_END);
const found = new Uint8Array(ASCII_END);
let searchStamp = 0;

/** `patternInScope` of mdast-util-to-markdown. */
function inScope(stack: readonly string[], pattern: Unsafe): boolean {
  return listInScope(stack, pattern.inConstruct, true) && !listInScope(stack, pattern.notInConstruct, false);
}

function listInScope(
  stack: readonly string[],
  list: string | readonly string[] | null | undefined,
  none: boolean,
): boolean {
  const constructs = typeof list === 'string' ? [list] : list;
  if (!constructs || constructs.length === 0) return none;
  return constructs.some((construct) => stack.includes(construct));
}

function nodeInScope(
  types: string | readonly string[] | null | undefined,
  node: { type: string } | undefined,
): boolean {
  if (!types) return true;
  if (!node) return false;
  return typeof types === 'string' ? types === node.type : types.includes(node.type);
}
