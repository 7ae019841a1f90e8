import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** A backslash before ASCII punctuation: the escapes CommonMark knows (`\[`, `\*`, `\_`, `http\://`…). */
const ESCAPE = /\\(?=[!-/:-@[-`{-~])/g;

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
 */
export function minimizeEscapes(markdown: string): string {
  if (!ESCAPE.test(markdown)) return markdown;
  ESCAPE.lastIndex = 0;
  const tree = markdownParser.parse(markdown);
  const readAcrossBlocks = hasDefinitions(tree);
  const reference = readAcrossBlocks ? shapeOfTree(tree) : '';
  if (readAcrossBlocks) {
    const allRemoved = markdown.replace(ESCAPE, '');
    if (shapeOf(allRemoved) === reference) return allRemoved;
  }
  let result = '';
  let last = 0;
  for (const block of tree.children) {
    const start = block.position?.start.offset;
    const end = block.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    result += markdown.slice(last, start) + minimizeBlock(markdown.slice(start, end));
    last = end;
  }
  result += markdown.slice(last);
  if (!readAcrossBlocks) return result;
  return shapeOf(result) === reference ? result : markdown;
}

/**
 * Whether the tree holds a definition or a footnote definition, at any depth (one in a quote or a list
 * item defines its label for the whole document): what makes a block read another.
 */
function hasDefinitions(node: Nodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  return 'children' in node && node.children.some((child) => hasDefinitions(child));
}

/** One block: all its escapes at once when that keeps its tree, else one at a time from the end. */
function minimizeBlock(block: string): string {
  const offsets = [...block.matchAll(ESCAPE)].map((match) => match.index);
  if (offsets.length === 0) return block;
  const reference = shapeOf(block);
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
