import type { Nodes, Root } from 'mdast';
import type { Options } from 'remark-stringify';

type RootHandler = NonNullable<NonNullable<Options['handlers']>['root']>;
type State = Parameters<RootHandler>[2];
type FlowChild = Root['children'][number];

/** Where one top-level block of the serialized Markdown starts and ends (UTF-16 offsets). */
export interface BlockRange {
  start: number;
  end: number;
}

/**
 * Flow blocks that serialize to blocks that parse alone as they do in the document. Raw HTML is left out
 * (an unclosed `<pre>` or `<!--` runs past blank lines), and so are definitions and footnote definitions
 * (other blocks' links read them).
 */
const SELF_CONTAINED_BLOCKS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'list',
  'blockquote',
  'code',
  'thematicBreak',
  'table',
]);

/**
 * Whether the serializer may record the tree's top-level blocks (`rootWithBlockRanges`): a root of
 * self-contained flow blocks, with no raw HTML, definition or footnote definition at any depth.
 */
export function hasSelfContainedBlocks(tree: Root): boolean {
  return (
    tree.children.length > 0 &&
    tree.children.every((child) => SELF_CONTAINED_BLOCKS.has(child.type) && !holdsCrossBlockNode(child))
  );
}

function holdsCrossBlockNode(node: Nodes): boolean {
  if (node.type === 'html' || node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  return 'children' in node && node.children.some((child) => holdsCrossBlockNode(child));
}

/**
 * A line that opens a fenced code block or an HTML block: either runs past blank lines until it is closed.
 * The serializer closes its own code blocks, but a table cell that holds a line break writes such a line
 * raw (« ``` | »), and the rest of the document then reads as code.
 */
const OPENS_PAST_BLANK_LINES = /^ {0,3}(?:`{3}|~{3}|<)/m;

const rangesByRoot = new WeakMap<Root, BlockRange[]>();

/** The top-level blocks `rootWithBlockRanges` recorded while serializing `tree`, if it did. */
export function blockRangesOf(tree: Root): readonly BlockRange[] | undefined {
  return rangesByRoot.get(tree);
}

/**
 * The serializer's `root` handler for a tree of flow blocks (`hasSelfContainedBlocks`), writing what its
 * own does (mdast-util-to-markdown's `containerFlow`: each child, then what `join` puts between two) and
 * recording where each child's Markdown starts and ends, so that `minimizeEscapes` parses only the
 * blocks that hold an escape instead of the whole document. Nothing is recorded when a block (but a code
 * block, which the serializer closes) has a line that could open a construct running past blank lines.
 */
export const rootWithBlockRanges: RootHandler = (node, _parent, state, info) => {
  const children = node.children;
  const tracker = state.createTracker(info);
  const ranges: BlockRange[] = [];
  let selfContained = true;
  let result = '';
  state.indexStack.push(-1);
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as FlowChild;
    state.indexStack[state.indexStack.length - 1] = index;
    const start = result.length;
    const written = state.handle(child, node, state, { before: '\n', after: '\n', ...tracker.current() });
    result += tracker.move(written);
    ranges.push({ start, end: result.length });
    if (child.type !== 'code' && OPENS_PAST_BLANK_LINES.test(written)) selfContained = false;
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    const next = children[index + 1];
    if (next !== undefined) result += tracker.move(between(child, next, node, state));
  }
  state.indexStack.pop();
  if (selfContained) rangesByRoot.set(node, ranges);
  return result;
};

/** mdast-util-to-markdown's `between`: the join rules from the last to the first, the first answer wins. */
function between(left: FlowChild, right: FlowChild, parent: Root, state: State): string {
  let index = state.join.length;
  while (index--) {
    const join = state.join[index] as State['join'][number];
    const answer = join(left, right, parent, state);
    if (answer === true || answer === 1) break;
    if (typeof answer === 'number') return '\n'.repeat(1 + answer);
    if (answer === false) return '\n\n<!---->\n\n';
  }
  return '\n\n';
}
