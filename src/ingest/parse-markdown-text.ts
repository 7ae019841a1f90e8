import type { Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import type { Document } from '../document.js';
import { TEXT_FRONT_MATTER } from './carries-markdown.js';
import type { HtmlToMdast } from './clean-markdown-tree.js';
import { parseMarkdownWith } from './markdown-document.js';
import { detectLineJoining, promoteTitle } from './parse-text.js';

const FENCE = /^\s{0,3}(?:```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S/;

/**
 * Parses plain text that carries Markdown. Text pasted with one paragraph per line has no blank
 * lines between paragraphs, where Markdown needs them: they are added (outside code fences, lists and
 * indented continuations) and positions are mapped back to `text`. Hard-wrapped text keeps its
 * lines joined, as Markdown does. The first line becomes the H1 when it reads as a title. HTML goes
 * through `convertHtml` (see `htmlConverterFor`).
 */
export function parseMarkdownText(text: string, convertHtml: HtmlToMdast): Document {
  // A front matter is YAML: its lines are neither joined nor separated, nor counted as the text's lines.
  const bodyStart = TEXT_FRONT_MATTER.exec(text)?.[0].length ?? 0;
  const { join } = detectLineJoining(text.slice(bodyStart));
  const { source, insertedAt } = join ? { source: text, insertedAt: [] } : separateLines(text, bodyStart);
  const document = parseMarkdownWith(source, convertHtml);
  const tree = document.tree;
  const lineStarts = lineStartsOf(text);
  if (insertedAt.length > 0) remapPositions(tree, insertedAt, text.length, lineStarts);
  splitSoftBreaks(tree, join, { text, lineStarts });
  const title = document.metadata.title ?? promoteTitle(tree);
  return {
    format: 'text',
    tree,
    metadata: { ...document.metadata, ...(title === undefined ? {} : { title }) },
  };
}

/** Adds a blank line between two non-blank lines that Markdown would otherwise join, from `bodyStart` on. */
function separateLines(text: string, bodyStart: number): { source: string; insertedAt: number[] } {
  const lines = text.split('\n');
  const output: string[] = [];
  // Offsets, in `text`, of the line breaks after which a blank line was inserted.
  const insertedAt: number[] = [];
  let offset = 0;
  let inFence = false;
  for (const [index, line] of lines.entries()) {
    output.push(line);
    const lineStart = offset;
    offset += line.length;
    if (FENCE.test(line)) inFence = !inFence;
    const next = lines[index + 1];
    if (next !== undefined && !inFence && lineStart >= bodyStart && separates(line, next)) {
      output.push('');
      insertedAt.push(offset);
    }
    offset += 1;
  }
  return { source: output.join('\n'), insertedAt };
}

function separates(line: string, next: string): boolean {
  if (line.trim() === '' || next.trim() === '') return false;
  if (/^\s/.test(next) || FENCE.test(next)) return false;
  if (LIST_ITEM.test(line) && LIST_ITEM.test(next)) return false;
  if (/^\s*>/.test(line) && /^\s*>/.test(next)) return false;
  // A table keeps its rows together.
  if (/^\s*\|/.test(line) && /^\s*\|/.test(next)) return false;
  return true;
}

interface SourceText {
  text: string;
  /** Offset of the first character of each line. */
  lineStarts: number[];
}

function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  return lineStarts;
}

function pointAtOffset(lineStarts: readonly number[], offset: number): Point {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1, offset };
}

/** Positions computed on the text with added blank lines, brought back to the original text. */
function remapPositions(
  node: Root | RootContent,
  insertedAt: readonly number[],
  length: number,
  lineStarts: readonly number[],
): void {
  const toOriginal = (point: Point): Point => {
    const parsedOffset = point.offset ?? 0;
    // Each insertion adds one character (a line break) after the original offset it records.
    let shift = 0;
    for (const at of insertedAt) if (at + shift < parsedOffset) shift += 1;
    return pointAtOffset(lineStarts, Math.min(parsedOffset - shift, length));
  };
  const visit = (current: Root | RootContent) => {
    if (current.position) {
      current.position = { start: toOriginal(current.position.start), end: toOriginal(current.position.end) };
    }
    if ('children' in current) for (const child of current.children) visit(child as RootContent);
  };
  visit(node);
}

/**
 * Line breaks left inside paragraphs (a quote's lines, a list item's continuation): joined with a
 * space in a hard-wrapped text, else each line is its own paragraph.
 */
function splitSoftBreaks(parent: Parent, join: boolean, source: SourceText): void {
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'paragraph' && join) {
      joinSoftBreaks(child);
      children.push(child);
      continue;
    }
    if (child.type === 'paragraph' && hasSoftBreak(child)) {
      children.push(...splitParagraph(child, source));
      continue;
    }
    if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading')
      splitSoftBreaks(child as Parent, join, source);
    children.push(child);
  }
  parent.children = children as typeof parent.children;
}

function hasSoftBreak(paragraph: Paragraph): boolean {
  return paragraph.children.some((child) => child.type === 'text' && child.value.includes('\n'));
}

/** Joined down to the words in emphasis and links (« *le sentiment …\nfinancière -* » is one line). */
function joinSoftBreaks(parent: Paragraph | PhrasingContent): void {
  if (!('children' in parent)) return;
  for (const child of parent.children as PhrasingContent[]) {
    if (child.type === 'text') child.value = child.value.replace(/[ \t]*\n[ \t]*/g, ' ');
    else joinSoftBreaks(child);
  }
}

function splitParagraph(paragraph: Paragraph, source: SourceText): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    const meaningful = run.filter(
      (node, index) =>
        !(node.type === 'text' && node.value.trim() === '' && (index === 0 || index === run.length - 1)),
    );
    if (meaningful.length > 0) {
      const first = meaningful[0]?.position;
      const last = meaningful[meaningful.length - 1]?.position;
      const built: Paragraph = { type: 'paragraph', children: meaningful };
      if (first && last) built.position = { start: { ...first.start }, end: { ...last.end } };
      paragraphs.push(built);
    }
    run = [];
  };
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      run.push(child);
      continue;
    }
    const pieces = child.value.split(/[ \t]*\n[ \t]*/);
    let cursor = child.position?.start.offset ?? 0;
    pieces.forEach((piece, index) => {
      if (index > 0) flush();
      if (piece === '') return;
      const text: Text = { type: 'text', value: piece };
      // The piece's place in the source, when it is written there as is (no escapes, no entities).
      const found = child.position ? source.text.indexOf(piece, cursor) : -1;
      if (found !== -1) {
        cursor = found + piece.length;
        text.position = {
          start: pointAtOffset(source.lineStarts, found),
          end: pointAtOffset(source.lineStarts, cursor),
        };
      }
      run.push(text);
    });
  }
  flush();
  return paragraphs;
}
