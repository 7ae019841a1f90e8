import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockRange } from './markdown-block-ranges.js';

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** A backslash before ASCII punctuation: the escapes CommonMark knows (`\[`, `\*`, `\_`, `http\://`…). */
const ESCAPE = /\\(?=[!-/:-@[-`{-~])/g;
/** The same, for `test` (a global expression would keep its `lastIndex` from one text to the next). */
const HAS_ESCAPE = new RegExp(ESCAPE.source);

/**
 * Removes the backslash escapes a Markdown serializer adds out of caution (`\[note]`, `3 \* 4`,
 * `\(voir)`) and keeps those without which the text would read differently (`\*pas d’emphase*`,
 * `http\://` that would become a link, `1\.` that would start a list). An escape goes only when the
 * Markdown without it parses to the very same tree. Pure.
 *
 * The document is parsed once, then only its top-level blocks that hold an escape, each alone: blocks
 * are separated by blank lines, and without definitions (`[x]: /url`, `[^1]: …`, which other blocks'
 * links and footnotes read) a block parses alone as it does in the document, so a block whose tree alone
 * is unchanged leaves the document's tree unchanged. A document with definitions is checked whole
 * (parsed again), and comes back unchanged if that check fails.
 *
 * `blocks`, where the serializer wrote each top-level block of a tree with none of those (see
 * markdown-block-ranges.ts), spares the parse of the whole document: each block that holds an escape is
 * parsed alone, and treated as the document's blocks are.
 */
export function minimizeEscapes(markdown: string, blocks?: readonly BlockRange[]): string {
  if (!HAS_ESCAPE.test(markdown)) return markdown;
  if (blocks !== undefined) {
    const minimized = minimizeSerializedBlocks(markdown, blocks);
    if (minimized !== undefined) return minimized;
  }
  return minimizeDocument(markdown);
}

/**
 * The serialized blocks that hold an escape, each parsed alone and minimized as `minimizeDocument` does
 * the document's top-level blocks; undefined when one holds a definition after all (then the blocks
 * read one another: the whole document is checked instead).
 */
function minimizeSerializedBlocks(markdown: string, blocks: readonly BlockRange[]): string | undefined {
  return rewriteRanges(markdown, blocks, (text) =>
    HAS_ESCAPE.test(text) ? minimizeParsedBlocks(text) : text,
  );
}

/** A text parsed alone: each of its top-level blocks minimized; undefined when it holds definitions. */
function minimizeParsedBlocks(text: string): string | undefined {
  const tree = markdownParser.parse(text);
  if (hasDefinitions(tree)) return undefined;
  const blocks = topLevelRanges(tree);
  // A text that is one block: its shape is the tree just parsed.
  const only = blocks.length === 1 && blocks[0]?.start === 0 && blocks[0].end === text.length;
  return rewriteRanges(text, blocks, (block) => minimizeBlock(block, only ? shapeOfTree(tree) : undefined));
}

/** The whole document parsed: its top-level blocks minimized, checked whole when they read one another. */
function minimizeDocument(markdown: string): string {
  const tree = markdownParser.parse(markdown);
  const readAcrossBlocks = hasDefinitions(tree);
  const reference = readAcrossBlocks ? shapeOfTree(tree) : '';
  if (readAcrossBlocks) {
    const allRemoved = markdown.replace(ESCAPE, '');
    if (shapeOf(allRemoved) === reference) return allRemoved;
  }
  const result = rewriteRanges(markdown, topLevelRanges(tree), (block) => minimizeBlock(block)) as string;
  if (!readAcrossBlocks) return result;
  return shapeOf(result) === reference ? result : markdown;
}

/** Where the tree's top-level blocks stand in the text it was parsed from. */
function topLevelRanges(tree: Root): BlockRange[] {
  const ranges: BlockRange[] = [];
  for (const block of tree.children) {
    const start = block.position?.start.offset;
    const end = block.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push({ start, end });
  }
  return ranges;
}

/** `text` with each range replaced by what `rewrite` makes of it; undefined as soon as `rewrite` gives up. */
function rewriteRanges(
  text: string,
  ranges: readonly BlockRange[],
  rewrite: (part: string) => string | undefined,
): string | undefined {
  let result = '';
  let last = 0;
  for (const { start, end } of ranges) {
    const rewritten = rewrite(text.slice(start, end));
    if (rewritten === undefined) return undefined;
    result += text.slice(last, start) + rewritten;
    last = end;
  }
  return result + text.slice(last);
}

/**
 * Whether the tree holds a definition or a footnote definition, at any depth (one in a quote or a list
 * item defines its label for the whole document): what makes a block read another.
 */
function hasDefinitions(node: Nodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  return 'children' in node && node.children.some((child) => hasDefinitions(child));
}

/**
 * One block: all its escapes at once when that keeps its tree, else one at a time from the end.
 * `shape` is the block's own parsed shape, when the caller has it.
 */
function minimizeBlock(block: string, shape?: string): string {
  const offsets = [...block.matchAll(ESCAPE)].map((match) => match.index);
  if (offsets.length === 0) return block;
  const reference = shape ?? shapeOf(block);
  const allRemoved = block.replace(ESCAPE, '');
  if (shapeOf(allRemoved) === reference) return allRemoved;
  let current = block;
  // From the end, so that the offsets before the one removed stay valid.
  for (const offset of offsets.reverse()) {
    const candidate = current.slice(0, offset) + current.slice(offset + 1);
    if (shapeOf(candidate) === reference) current = candidate;
  }
  return current;
}

/** The parsed tree without positions, as a string to compare. */
function shapeOf(markdown: string): string {
  return shapeOfTree(markdownParser.parse(markdown));
}

function shapeOfTree(tree: Root): string {
  return JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
}
