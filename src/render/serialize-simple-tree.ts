import type {
  Blockquote,
  List,
  ListItem,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';

/**
 * Serializes a Markdown tree exactly as remark-stringify does with Plume's settings (`MARKDOWN_STYLE`:
 * `-` bullets, `_emphasis_`, `**strong**`, `listItemIndent: 'one'`, ATX headings, GFM), for the trees
 * the offline writer makes: headings, paragraphs, lists, block quotes, whose paragraphs hold one plain
 * text, one link, or one strong or emphasis around a plain text. Returns `undefined` for any other tree,
 * and for any text the serializer could escape or encode: the caller then runs the serializer itself.
 * The serializer costs a tenth of an offline optimize (dispatch, position tracking, attention pairing,
 * unsafe patterns over every text); this walk is a few string concatenations. Pure.
 */
export function serializeSimpleTree(tree: Root): string | undefined {
  if (tree.children.length === 0) return undefined;
  const result = flow(tree, { bulletLastUsed: undefined });
  if (result === undefined) return undefined;
  // mdast-util-to-markdown ends a non-empty document with a line ending.
  const last = result.charCodeAt(result.length - 1);
  return last === LINE_FEED || last === CARRIAGE_RETURN ? result : `${result}\n`;
}

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** mdast-util-to-markdown's `state.bulletLastUsed`: a list right after a list takes the other bullet. */
interface BulletState {
  bulletLastUsed: string | undefined;
}

/** `containerFlow`: the blocks, each followed by the join to the next. */
function flow(parent: Root | ListItem | Blockquote, state: BulletState): string | undefined {
  const children = parent.children as RootContent[];
  let result = '';
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as RootContent;
    const value = block(child, state);
    if (value === undefined) return undefined;
    result += value;
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    const next = children[index + 1];
    if (next !== undefined) result += between(child, next, parent);
  }
  return result;
}

function block(node: RootContent, state: BulletState): string | undefined {
  switch (node.type) {
    case 'paragraph':
      return paragraph(node);
    case 'heading': {
      // ATX: no text of a simple tree has a line break, which alone would make the serializer use setext.
      const text = node.children.length === 1 ? node.children[0] : undefined;
      if (text?.type !== 'text' || !Number.isInteger(node.depth) || node.depth < 1 || node.depth > 6) {
        return undefined;
      }
      const value = plainText(text.value);
      return value === undefined ? undefined : `${'#'.repeat(node.depth)} ${value}`;
    }
    case 'blockquote': {
      if (node.children.length === 0) return undefined;
      const content = flow(node, state);
      return content === undefined ? undefined : indentLines(content, quoteLine);
    }
    case 'list':
      return list(node, state);
    default:
      return undefined;
  }
}

/** `list` and `listItem` handlers, for items that each hold at least one block and no task checkbox. */
function list(node: List, state: BulletState): string | undefined {
  if (node.children.length === 0) return undefined;
  let bullet = node.ordered ? '.' : '-';
  // The first item is never empty nor a thematic break here: the serializer's other two reasons for
  // the other bullet do not arise.
  if (state.bulletLastUsed !== undefined && bullet === state.bulletLastUsed)
    bullet = node.ordered ? ')' : '*';
  const start = typeof node.start === 'number' && node.start > -1 ? node.start : 1;
  let result = '';
  for (let index = 0; index < node.children.length; index += 1) {
    const item = node.children[index] as ListItem;
    if (item.type !== 'listItem' || item.children.length === 0 || typeof item.checked === 'boolean') {
      return undefined;
    }
    // As the serializer numbers it: the first index of that node among its siblings.
    const marker = node.ordered ? `${start + node.children.indexOf(item)}${bullet}` : bullet;
    const content = flow(item, state);
    if (content === undefined) return undefined;
    const indent = ' '.repeat(marker.length + 1);
    result += indentLines(content, (line, lineIndex) =>
      lineIndex === 0 ? (line === '' ? marker : `${marker} ${line}`) : line === '' ? '' : indent + line,
    );
    // The list's own `containerFlow`: an item is not a list.
    state.bulletLastUsed = undefined;
    const next = node.children[index + 1];
    if (next !== undefined) result += between(item, next, node);
  }
  state.bulletLastUsed = bullet;
  return result;
}

function quoteLine(line: string): string {
  return line === '' ? '>' : `> ${line}`;
}

/** `indentLines`, for content whose only line ending is `\n` (a simple tree has no `\r`). */
function indentLines(content: string, map: (line: string, index: number) => string): string {
  const lines = content.split('\n');
  let result = map(lines[0] as string, 0);
  for (let index = 1; index < lines.length; index += 1) result += `\n${map(lines[index] as string, index)}`;
  return result;
}

/**
 * The join between two blocks (`joinDefaults`; GFM's joins only concern tables and definitions): one
 * blank line, except inside a tight list or item, where a block follows on the next line unless a
 * paragraph would run into it.
 */
function between(left: RootContent, right: RootContent, parent: Parent): string {
  if (!('spread' in parent) || typeof parent.spread !== 'boolean') return '\n\n';
  if (parent.spread) return '\n\n';
  if (left.type === 'blockquote' && right.type === 'blockquote') return '\n\n';
  if (
    left.type === 'paragraph' &&
    right.type === 'list' &&
    ((right.ordered && typeof right.start === 'number' && right.start !== 1) ||
      (right.children.length > 0 && (right.children[0] as ListItem).children.length === 0))
  ) {
    return '\n\n';
  }
  let tail: RootContent = left;
  while (
    (tail.type === 'blockquote' || tail.type === 'list' || tail.type === 'listItem') &&
    tail.children.length > 0
  ) {
    tail = tail.children[tail.children.length - 1] as RootContent;
  }
  if (tail.type !== 'paragraph') return '\n';
  // The serializer's condition `left` is a paragraph or holds `tail` always holds here; a heading would be
  // setext (and need the blank line too) only with a line break in its text, which a simple tree has not.
  return right.type === 'paragraph' ? '\n\n' : '\n';
}

/** A paragraph of one plain text, one link around one, or one strong or emphasis around one. */
function paragraph(node: Paragraph): string | undefined {
  if (node.children.length !== 1) return undefined;
  const child = node.children[0] as PhrasingContent;
  switch (child.type) {
    case 'text':
      return plainText(child.value);
    case 'strong':
    case 'emphasis': {
      const value = soleText(child.children);
      // Between a line start or end and a letter, the markers form as they are: nothing is encoded as
      // a character reference, and the serializer keeps its first choice of marker.
      if (value === undefined || !LETTER.test(value[0] as string) || !LETTER.test(value.at(-1) as string)) {
        return undefined;
      }
      const marker = child.type === 'strong' ? '**' : '_';
      return marker + value + marker;
    }
    case 'link': {
      const value = soleText(child.children);
      const { url } = child;
      if (value === undefined || child.title || url === '' || UNSAFE_URL.test(url)) return undefined;
      // The serializer could write it `<url>` (an autolink).
      if (value === url || `mailto:${value}` === url) return undefined;
      return `[${value}](${url})`;
    }
    default:
      return undefined;
  }
}

function soleText(children: readonly PhrasingContent[]): string | undefined {
  const child = children.length === 1 ? children[0] : undefined;
  return child?.type === 'text' ? plainText(child.value) : undefined;
}

/**
 * The text itself when the serializer writes it unchanged in any place of a simple tree (after a line
 * start, `# `, `**`, `_` or `[`; before a line end, `**`, `_` or `](`), else `undefined`. Ruled out
 * (see mdast-util-to-markdown's `unsafe.js` and GFM's patterns): control characters and line breaks;
 * `*`, `<`, `@`, `[`, `\`, `]`, `_`, `` ` ``, `~` anywhere; `&` before a letter or `#`; `.` after `w`
 * (« www. »); `:/` (« http:/ »); a space at either end; `#` at the end (closing sequence of a heading);
 * ASCII punctuation or digits then `.` or `)` at the start (a line start could make it a list, a
 * heading, a quote, a thematic break). Every other character is escaped by no pattern in scope.
 */
function plainText(value: string): string | undefined {
  if (value === '' || UNSAFE_CHARACTER.test(value)) return undefined;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first === SPACE || isAsciiPunctuation(first) || last === SPACE || last === NUMBER_SIGN)
    return undefined;
  if (first >= DIGIT_ZERO && first <= DIGIT_NINE && LIST_NUMBER.test(value)) return undefined;
  if (value.includes(':/') || (value.includes('&') && CHARACTER_REFERENCE_START.test(value)))
    return undefined;
  // A period at the start follows `\n`, `# `, `**`, `_` or `[`: never a `w`.
  for (let index = value.indexOf('.', 1); index !== -1; index = value.indexOf('.', index + 1)) {
    const before = value.charCodeAt(index - 1);
    if (before === LOWER_W || before === UPPER_W) return undefined;
  }
  return value;
}

// One regular expression each: an alternation with anchors would be tried at every position of every text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is ruled out.
const UNSAFE_CHARACTER = /[\0-\x1f\x7f*<@[\\\]_`~]/;
const LIST_NUMBER = /^\d+[.)]/;
const CHARACTER_REFERENCE_START = /&[#A-Za-z]/;

const SPACE = 0x20;
const NUMBER_SIGN = 0x23;
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
const UPPER_W = 0x57;
const LOWER_W = 0x77;

/** `!` to `/`, `:` to `@`, `[` to `` ` ``, `{` to `~`. */
function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/**
 * A link destination the serializer writes raw and unchanged: no control character, space or `<>`
 * (it would enclose it in `<…>`), no `(`, `)`, `[`, `]`, `\` nor `&` (which it could escape).
 */
const UNSAFE_URL = /[\0- \x7f&\\()[\]<>]/;

/** A letter or digit: neither whitespace nor punctuation for the attention rules (a single UTF-16 unit). */
const LETTER = /^[\p{L}\p{N}]$/u;
