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
/** A sentence that ends inside the line and another that starts after it. */
const INNER_SENTENCE_END = /[.!?…]["”»)]?\s+["«“(]?\p{Lu}/u;
/** A line that is one token (a long URL, a path): its width says nothing about the wrap. */
const SINGLE_TOKEN = /^\S+$/;

/** A source title on the first line: short, and not a sentence cut by a full stop, comma or colon. */
const TITLE = {
  maxWords: 16,
  maxCharacters: 150,
  /** A title ends with a word, a question or exclamation mark, a quote or a bracket, never these. */
  forbiddenEnd: /[.,;:…\-–—]$/u,
} as const;

/** One line per sentence: this share of the lines of multi-line blocks end one sentence each. */
const SENTENCE_PER_LINE_SHARE = 0.8;

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
 * Parses plain text into a document: a title, paragraphs and simple lists. Markdown syntax is not
 * interpreted here (`ingest` sends text that carries some to `parseMarkdownText`) and short lines
 * inside the text are not promoted to headings (the analysis decides that).
 *
 * Text pasted from a web page or a word processor has one paragraph per line; text from an email or
 * a terminal is hard-wrapped, with blank lines between paragraphs, at a fixed width or one sentence
 * per line. The second is recognised by its blank lines and its lines of similar width that stop
 * mid-sentence, or its lines that each end one sentence; its lines are then joined.
 *
 * A short first line that does not end like a sentence is the author's title: it becomes the H1
 * and `metadata.title`.
 */
export function parseText(text: string): Document {
  const lines = splitLines(text);
  const joined = joinsLines(lines);
  const blocks = joined.join ? wrappedBlocks(lines, joined.width) : lineBlocks(lines);
  const last = lines[lines.length - 1];
  const tree: Root = {
    type: 'root',
    children: buildNodes(blocks),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: last ? pointAt(last, last.text.length) : { line: 1, column: 1, offset: 0 },
    },
  };
  const title = promoteTitle(tree);
  return { format: 'text', tree, metadata: title === undefined ? {} : { title } };
}

/**
 * Whether the lines of `text` are a wrap to be joined into paragraphs (hard-wrapped at a width, or
 * one sentence per line with blank lines between paragraphs), and the wrap width when there is one.
 */
export function detectLineJoining(text: string): { join: boolean; width: number | null } {
  return joinsLines(splitLines(text));
}

function joinsLines(lines: SourceLine[]): { join: boolean; width: number | null } {
  const width = hardWrapWidth(lines);
  if (width !== null) return { join: true, width };
  return { join: isSentencePerLine(lines), width: null };
}

/**
 * Turns a first paragraph that reads as a title into the H1 (a heading of depth 1), and returns its
 * text. Only when more follows: a lone line is the article, not its title.
 */
export function promoteTitle(tree: Root): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'paragraph' || tree.children.length < 2) return undefined;
  if (
    !first.children.every(
      (child) => child.type === 'text' || child.type === 'emphasis' || child.type === 'strong',
    )
  )
    return undefined;
  const text = phrasingText(first).replace(/\s+/gu, ' ').trim();
  if (!isTitleLike(text)) return undefined;
  tree.children[0] = {
    type: 'heading',
    depth: 1,
    children: first.children,
    ...(first.position ? { position: first.position } : {}),
  };
  return text;
}

function phrasingText(node: { children: readonly unknown[] }): string {
  return node.children
    .map((child) => {
      const value = child as { value?: string; children?: unknown[] };
      if (typeof value.value === 'string') return value.value;
      return value.children ? phrasingText(value as { children: unknown[] }) : '';
    })
    .join('');
}

function isTitleLike(text: string): boolean {
  if (text === '' || text.includes('\n')) return false;
  if (text.length > TITLE.maxCharacters || text.split(' ').length > TITLE.maxWords) return false;
  if (TITLE.forbiddenEnd.test(text) || INNER_SENTENCE_END.test(text)) return false;
  // A title starts with a letter, a digit or an opening quote, not with a dash or a list bullet.
  return /^[\p{L}\p{N}«"“'’¿¡]/u.test(text);
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

/** Lines followed by another line of their block, not before a list marker, not a lone token. */
function innerLinesOf(lines: SourceLine[]): string[] {
  // Only lines followed by another line of their block can be wraps; the line before a list
  // marker ends there on purpose, and the last line of a paragraph is naturally short.
  const innerLines: string[] = [];
  for (const group of lineGroups(lines)) {
    for (let index = 0; index + 1 < group.length; index++) {
      const line = group[index];
      const next = group[index + 1];
      if (!line || !next || LIST_MARKER.test(next.text)) continue;
      const trimmed = line.text.trim();
      // A URL alone on its line is as wide as it is, whatever the wrap width.
      if (!SINGLE_TOKEN.test(trimmed)) innerLines.push(trimmed);
    }
  }
  return innerLines;
}

/** The wrap width of a hard-wrapped text, or `null` when its lines are not a wrap. */
function hardWrapWidth(lines: SourceLine[]): number | null {
  if (lineGroups(lines).length < 2) return null;
  const innerLines = innerLinesOf(lines);
  if (innerLines.length === 0) return null;

  // A loop, not Math.max(...lines): a spread of 400,000 lines (a 4 MB input) overflows the stack.
  const width = innerLines.reduce((widest, line) => Math.max(widest, line.length), 0);
  if (width > HARD_WRAP.maxWidth) return null;
  const longCount = innerLines.filter((line) => line.length >= width * HARD_WRAP.minWidthRatio).length;
  const openEndCount = innerLines.filter((line) => !FINAL_PUNCTUATION.test(line)).length;
  const wrapped =
    longCount >= innerLines.length * HARD_WRAP.minLongShare &&
    openEndCount >= innerLines.length * HARD_WRAP.minOpenEndShare;
  return wrapped ? width : null;
}

/**
 * One sentence per line, paragraphs separated by blank lines: the lines inside blocks each end
 * exactly one sentence. Without blank lines, nothing tells where a paragraph ends: lines stay apart.
 */
function isSentencePerLine(lines: SourceLine[]): boolean {
  if (lineGroups(lines).length < 2) return false;
  const innerLines = innerLinesOf(lines);
  if (innerLines.length === 0) return false;
  const sentenceLines = innerLines.filter(
    (line) => /[.!?…]["”»)]?$/u.test(line) && !INNER_SENTENCE_END.test(line),
  ).length;
  return sentenceLines >= innerLines.length * SENTENCE_PER_LINE_SHARE;
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

/**
 * One block per blank-line-separated paragraph or per list item, wrapped lines joined. Inside a
 * block, a heading-like line (short, not ended like a sentence, after a sentence's end) stands
 * alone, and a short line that ends a sentence ends its paragraph. `width` is the wrap width, `null`
 * for one sentence per line (whose lines are short by nature).
 */
function wrappedBlocks(lines: SourceLine[], width: number | null): Block[] {
  const blocks: Block[] = [];
  const isShort = (text: string) =>
    width === null ? text.split(/\s+/u).length <= 12 : text.length < width * HARD_WRAP.minWidthRatio;
  for (const [groupIndex, group] of lineGroups(lines).entries()) {
    let current: Block | null = null;
    let closed = false;
    for (const [index, line] of group.entries()) {
      const text = line.text.trim();
      const previous = group[index - 1]?.text.trim();
      const hasNext = index + 1 < group.length;
      const afterSentence = previous === undefined || FINAL_PUNCTUATION.test(previous);
      const headingLike =
        hasNext && afterSentence && isShort(text) && !FINAL_PUNCTUATION.test(text) && !LIST_MARKER.test(text);
      if (current === null || closed || headingLike || LIST_MARKER.test(line.text)) {
        current = startBlock(line, index === 0 && groupIndex > 0);
        blocks.push(current);
      } else {
        // A line after a list item continues the item, indented or not, as in Markdown.
        current.parts.push(text);
        current.end = pointAt(line, line.text.trimEnd().length);
      }
      // A heading-like line, or a short line that ends a sentence at a wrap width, ends its block.
      closed = headingLike || (width !== null && hasNext && isShort(text) && FINAL_PUNCTUATION.test(text));
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
