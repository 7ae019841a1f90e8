import type { List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import type { Document } from '../document.js';

/**
 * A list marker at the start of a line: `- `, `* `, `• `, `– ` (bullets) or `1. `, `1) ` (ordered),
 * followed by some content. Up to three digits: a year such as `2024.` opens a sentence, not a list.
 */
const LIST_MARKER = /^([ \t]*)(?:([-*•–])|(\d{1,3})[.)])[ \t]+(?=\S)/;
/** Characters that end a sentence (or announce what follows); a wrapped line rarely ends with one. */
const FINAL_PUNCTUATION = /[.!?…:;»"”)]$/;

/** Hard-wrap detection thresholds, tuned on 72–100-column wraps and one-paragraph-per-line text. */
const HARD_WRAP = {
  /** Wider than this, lines are paragraphs, not a wrap (no editor wraps at 160 columns). */
  maxWidth: 160,
  /** A wrapped line is at least this share of the widest wrapped line. */
  minWidthRatio: 0.65,
  /** Share of inner lines that must be that wide. */
  minLongShare: 0.7,
  /** Share of inner lines that must end mid-sentence (without final punctuation). */
  minOpenEndShare: 0.6,
} as const;

interface SourceLine {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character in the input. */
  offset: number;
  text: string;
}

interface ListMarker {
  ordered: boolean;
  /** The number of an ordered item (`3.` -> 3), `null` for a bullet. */
  number: number | null;
  /** Column of the marker and of the item's content, 0-based within the line. */
  markerColumn: number;
  contentColumn: number;
}

/** A paragraph or a list item being assembled from one line, or several joined lines. */
interface Block {
  marker: ListMarker | null;
  /** Start of the marker (list item) or of the text (paragraph). */
  start: Point;
  contentStart: Point;
  end: Point;
  parts: string[];
  /** Whether blank lines separate this block from the one before. */
  afterBlankLine: boolean;
}

/**
 * Parses plain text into a document: paragraphs and simple lists, nothing else. Markdown syntax is
 * not interpreted and short lines are not promoted to headings (the analysis decides that).
 *
 * Text pasted from a web page or a word processor has one paragraph per line; text from an email or
 * a terminal is hard-wrapped, with blank lines between paragraphs. The second is recognised by its
 * blank lines and its lines of similar width that stop mid-sentence; its lines are then joined.
 */
export function parseText(text: string): Document {
  const lines = splitLines(text);
  const blocks = isHardWrapped(lines) ? wrappedBlocks(lines) : lineBlocks(lines);
  const last = lines[lines.length - 1];
  const tree: Root = {
    type: 'root',
    children: buildNodes(blocks),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: last ? pointAt(last, last.text.length) : { line: 1, column: 1, offset: 0 },
    },
  };
  return { format: 'text', tree, metadata: {} };
}

function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let offset = 0;
  for (const match of text.matchAll(lineBreak)) {
    lines.push({ number: lines.length + 1, offset, text: text.slice(offset, match.index) });
    offset = match.index + match[0].length;
  }
  lines.push({ number: lines.length + 1, offset, text: text.slice(offset) });
  return lines;
}

function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}

/** Groups of consecutive non-blank lines. */
function lineGroups(lines: SourceLine[]): SourceLine[][] {
  const groups: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function isHardWrapped(lines: SourceLine[]): boolean {
  const groups = lineGroups(lines);
  if (groups.length < 2) return false;

  // Only lines followed by another line of their block can be wraps; the line before a list
  // marker ends there on purpose, and the last line of a paragraph is naturally short.
  const innerLines: string[] = [];
  for (const group of groups) {
    for (let index = 0; index + 1 < group.length; index++) {
      const line = group[index];
      const next = group[index + 1];
      if (line && next && !LIST_MARKER.test(next.text)) innerLines.push(line.text.trimEnd());
    }
  }
  if (innerLines.length === 0) return false;

  const width = Math.max(...innerLines.map((line) => line.length));
  if (width > HARD_WRAP.maxWidth) return false;
  const longCount = innerLines.filter((line) => line.length >= width * HARD_WRAP.minWidthRatio).length;
  const openEndCount = innerLines.filter((line) => !FINAL_PUNCTUATION.test(line)).length;
  return (
    longCount >= innerLines.length * HARD_WRAP.minLongShare &&
    openEndCount >= innerLines.length * HARD_WRAP.minOpenEndShare
  );
}

/** One block per non-blank line. */
function lineBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let afterBlankLine = false;
  for (const line of lines) {
    if (isBlank(line)) {
      afterBlankLine = blocks.length > 0;
      continue;
    }
    blocks.push(startBlock(line, afterBlankLine));
    afterBlankLine = false;
  }
  return blocks;
}

/** One block per blank-line-separated paragraph or per list item, wrapped lines joined. */
function wrappedBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  for (const [groupIndex, group] of lineGroups(lines).entries()) {
    let current: Block | null = null;
    for (const line of group) {
      if (current === null || LIST_MARKER.test(line.text)) {
        current = startBlock(line, current === null && groupIndex > 0);
        blocks.push(current);
      } else {
        // A line after a list item continues the item, indented or not, as in Markdown.
        current.parts.push(line.text.trim());
        current.end = pointAt(line, line.text.trimEnd().length);
      }
    }
  }
  return blocks;
}

function startBlock(line: SourceLine, afterBlankLine: boolean): Block {
  const marker = readListMarker(line.text);
  const leading = line.text.length - line.text.trimStart().length;
  const contentColumn = marker ? marker.contentColumn : leading;
  return {
    marker,
    start: pointAt(line, marker ? marker.markerColumn : leading),
    contentStart: pointAt(line, contentColumn),
    end: pointAt(line, line.text.trimEnd().length),
    parts: [line.text.slice(contentColumn).trim()],
    afterBlankLine,
  };
}

function readListMarker(line: string): ListMarker | null {
  const match = LIST_MARKER.exec(line);
  if (!match) return null;
  const indent = match[1] ?? '';
  const digits = match[3];
  return {
    ordered: digits !== undefined,
    number: digits === undefined ? null : Number(digits),
    markerColumn: indent.length,
    contentColumn: match[0].length,
  };
}

function pointAt(line: SourceLine, column: number): Point {
  return { line: line.number, column: column + 1, offset: line.offset + column };
}

/** Paragraphs, and lists made of consecutive items of the same kind (blank lines between allowed). */
function buildNodes(blocks: Block[]): RootContent[] {
  const nodes: RootContent[] = [];
  let list: List | null = null;
  for (const block of blocks) {
    const paragraph = buildParagraph(block);
    if (block.marker === null) {
      nodes.push(paragraph);
      list = null;
      continue;
    }
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [paragraph],
      position: span(block.start, block.end),
    };
    const position = list?.position;
    if (list && position && list.ordered === block.marker.ordered) {
      list.children.push(item);
      position.end = { ...block.end };
      if (block.afterBlankLine) list.spread = true;
    } else {
      list = {
        type: 'list',
        ordered: block.marker.ordered,
        start: block.marker.number,
        spread: false,
        children: [item],
        position: span(block.start, block.end),
      };
      nodes.push(list);
    }
  }
  return nodes;
}

function buildParagraph(block: Block): Paragraph {
  // Joined lines: the value holds spaces where the source had line breaks, so it can be shorter
  // than the span its position covers.
  const text: Text = {
    type: 'text',
    value: block.parts.join(' '),
    position: span(block.contentStart, block.end),
  };
  return { type: 'paragraph', children: [text], position: span(block.contentStart, block.end) };
}

/** Fresh point objects for every node, so no two nodes share (and could co-mutate) a point. */
function span(start: Point, end: Point): Position {
  return { start: { ...start }, end: { ...end } };
}
