import type { Paragraph, Root, RootContent, Yaml } from 'mdast';
import type { Point } from 'unist';

/**
 * Characters and sequences that can start a Markdown construct anywhere in a line (escapes, code,
 * emphasis, links, images, footnotes, HTML, entities, strikethrough, tables, GFM autolink literals),
 * or that micromark rewrites (tabs, carriage returns, NUL, a byte order mark). `>` and `:` matter only
 * at a line's start, but prose rarely holds them: refusing them everywhere keeps the test simple.
 */
const MAY_HOLD_SYNTAX = /[\\`*_[\]<>&~|@\t\r\0\uFEFF]|:\/\/|www\./i;

/**
 * A line that can open a block other than a paragraph, or whose edges micromark trims: leading or
 * trailing spaces (indented code, hard breaks), a bullet, a thematic break or setext underline, an
 * ATX heading, a fence, a colon (table delimiter rows), an ordered list marker.
 */
const OPENS_BLOCK = /^(?:[ +\-=#:]|\d{1,9}[.)](?: |$))| $/;

/**
 * Parses Markdown that holds nothing but paragraphs of plain text (an optional YAML front matter
 * first) into the very tree `unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])`
 * builds, positions and key order included, at a fraction of micromark's cost: most batch inputs are
 * such prose. Returns `undefined` as soon as anything could be Markdown syntax; the caller then runs
 * the real parser. The rules are deliberately narrower than CommonMark.
 */
export function parsePlainMarkdown(text: string): Root | undefined {
  if (MAY_HOLD_SYNTAX.test(text)) return undefined;
  const children: RootContent[] = [];
  let offset = 0;
  let line = 1;
  if (text.startsWith('---\n')) {
    const yaml = readFrontMatter(text);
    if (yaml === undefined) return undefined;
    children.push(yaml.node);
    offset = yaml.next;
    line = yaml.nextLine;
  }
  // The paragraph being read: its first line's start and its last line's end.
  let start: Point | undefined;
  let end: Point | undefined;
  let value = '';
  const close = () => {
    if (start === undefined || end === undefined) return;
    children.push(paragraph(value, start, end));
    start = undefined;
    end = undefined;
    value = '';
  };
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd === offset) {
      close();
    } else {
      const content = text.slice(offset, lineEnd);
      if (OPENS_BLOCK.test(content)) return undefined;
      if (start === undefined) {
        start = { line, column: 1, offset };
        value = content;
      } else {
        value += `\n${content}`;
      }
      end = { line, column: lineEnd - offset + 1, offset: lineEnd };
    }
    if (newline === -1) break;
    offset = newline + 1;
    line += 1;
  }
  close();
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) },
  };
}

/**
 * The front matter micromark-extension-frontmatter reads: `---` alone on the first line, up to the next
 * line that is `---` alone. Any line that a looser fence rule could also close on is refused upstream
 * (trailing spaces, tabs), so the first exact `---` line is the closing fence.
 */
function readFrontMatter(text: string): { node: Yaml; next: number; nextLine: number } | undefined {
  let offset = 4;
  let line = 2;
  const lines: string[] = [];
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const content = text.slice(offset, lineEnd);
    if (content === '---') {
      return {
        node: {
          type: 'yaml',
          value: lines.join('\n'),
          position: {
            start: { line: 1, column: 1, offset: 0 },
            end: { line, column: 4, offset: lineEnd },
          },
        },
        next: newline === -1 ? text.length + 1 : newline + 1,
        nextLine: line + 1,
      };
    }
    if (content.startsWith('---')) return undefined;
    lines.push(content);
    if (newline === -1) return undefined;
    offset = newline + 1;
    line += 1;
  }
  return undefined;
}

function paragraph(value: string, start: Point, end: Point): Paragraph {
  // Fresh point objects for every node, as mdast-util-from-markdown makes them.
  return {
    type: 'paragraph',
    children: [{ type: 'text', value, position: { start: { ...start }, end: { ...end } } }],
    position: { start: { ...start }, end: { ...end } },
  };
}

function endOf(text: string): Point {
  const lastNewline = text.lastIndexOf('\n');
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) line += 1;
  return { line, column: text.length - lastNewline, offset: text.length };
}
