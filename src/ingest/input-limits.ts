import type { SourceFormat } from '../document.js';
import { InputError } from './input-error.js';

/**
 * Bounds on the shape of a source, checked before the parsers run: each one stops an input that
 * would otherwise take minutes, exhaust the stack or the memory. All far above real articles.
 */
export const INPUT_LIMITS = Object.freeze({
  /**
   * Markdown lists and block quotes inside each other, estimated per line (markers plus two
   * columns of indentation per level). Articles stay under 6; remark's cost grows with the square
   * of the depth (1,000 levels: 160 s), 10,000 `>` overflow the stack.
   */
  maxMarkdownDepth: 100,
  /**
   * HTML elements inside each other. Heavy CMS pages reach 60 to 100; Readability's cost grows
   * with the square of the depth (500: 1 s, 2,000: 70 s), 2,000 overflow the stack in the
   * fragment converter.
   */
  maxHtmlDepth: 256,
  /**
   * Characters of one Markdown paragraph (consecutive lines up to a blank line or a block
   * marker): about 3,000 words, twenty times the readability bound. Inline parsing grows with the
   * square of a paragraph full of unmatched `*`, `_`, `[` (100,000 characters: 50 s).
   */
  maxMarkdownParagraph: 20_000,
  /**
   * Characters of one word once parsed (letters, digits, apostrophes, hyphens): the longest
   * French words have 25, chemical names and long slugs a few hundred. Keyphrases become regular
   * expressions, which overflow the stack near 10,000.
   */
  maxWordLength: 300,
  /** Alias nodes in a YAML front matter: articles use none; ten bound an expansion to ~32 copies. */
  maxYamlAliases: 10,
  /** Characters of a keyphrase, synonym or keyword: 4 content words need far less (the API's bound too). */
  maxKeyphraseLength: 120,
  /** Characters of the user's input quoted in an error message. */
  maxQuotedLength: 80,
});

/**
 * The user's text as an error message may quote it: one line, at most `maxQuotedLength`
 * characters (an ellipsis marks the cut).
 */
export function quoteInput(text: string, maxLength: number = INPUT_LIMITS.maxQuotedLength): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const characters = [...line.slice(0, maxLength * 2)];
  return characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join('')}…` : line;
}

/** Throws a `too-complex` `InputError` when the raw source exceeds a limit its parser is sensitive to. */
export function checkSourceShape(text: string, format: SourceFormat): void {
  if (format === 'markdown') checkMarkdownShape(text);
  else if (format === 'html' || format === 'html-page') checkHtmlDepth(text);
  // Plain text has its own linear parser: no nesting, no inline syntax.
}

/** Throws when a word of the parsed text is longer than any word (a run of letters without spaces). */
export function checkWordLength(text: string): void {
  // A word is a run of letters, marks, digits, apostrophes and hyphens, never of spaces: when no run
  // between spaces is too long, no word is (a plain loop, where the pattern below tries every position).
  if (!hasLongRunBetweenSpaces(text, INPUT_LIMITS.maxWordLength)) return;
  const found = LONG_WORD.exec(text);
  if (found === null) return;
  throw new InputError(
    'too-complex',
    `Mot trop long : « ${quoteInput(found[0])} » compte ${found[0].length} caractères (au plus ${INPUT_LIMITS.maxWordLength}).`,
  );
}

const LONG_WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}'’ʼ-]{${INPUT_LIMITS.maxWordLength + 1},}`, 'u');

/** Whether some run of characters other than space, tab, line feed and carriage return exceeds `limit`. */
function hasLongRunBetweenSpaces(text: string, limit: number): boolean {
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) run = 0;
    else if (++run > limit) return true;
  }
  return false;
}

/** Throws when a keyphrase, synonym or keyword is too long to be one; `problem` says so in French. */
export function checkKeyphraseLength(
  phrase: string | undefined,
  problem = 'Expression-clé trop longue',
): void {
  if (phrase === undefined || phrase.length <= INPUT_LIMITS.maxKeyphraseLength) return;
  throw new InputError(
    'too-complex',
    `${problem} : ${phrase.length} caractères (au plus ${INPUT_LIMITS.maxKeyphraseLength}) : « ${quoteInput(phrase)} ».`,
  );
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line that opens a block of its own, so it ends the paragraph before it. */
const BLOCK_START = /^[ \t]*(?:[-*+>#|]|\d{1,9}[.)])/;

function checkMarkdownShape(text: string): void {
  let lineNumber = 0;
  let fence: string | undefined;
  let paragraphLength = 0;
  let paragraphStart = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber += 1;
    const line = text.slice(start, end);
    start = end + 1;
    // Code is not parsed for inline syntax nor nested: its indentation is free.
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      const marker = fenceMatch?.[1];
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      paragraphLength = 0;
      continue;
    }
    const depth = markdownContainerDepth(line);
    if (depth > INPUT_LIMITS.maxMarkdownDepth) {
      throw new InputError(
        'too-complex',
        `Imbrication trop profonde ligne ${lineNumber} : plus de ${INPUT_LIMITS.maxMarkdownDepth} listes ou citations l’une dans l’autre.`,
      );
    }
    if (line.trim() === '' || BLOCK_START.test(line)) {
      paragraphLength = 0;
      paragraphStart = lineNumber;
    }
    if (paragraphLength === 0) paragraphStart = lineNumber;
    paragraphLength += line.length + 1;
    if (paragraphLength > INPUT_LIMITS.maxMarkdownParagraph) {
      throw new InputError(
        'too-complex',
        `Paragraphe trop long ligne ${paragraphStart} : plus de ${INPUT_LIMITS.maxMarkdownParagraph} caractères sans ligne vide ; séparez les paragraphes par une ligne vide.`,
      );
    }
  }
}

/** Block quote and list markers at the start of a line, plus one level per two columns of indentation. */
function markdownContainerDepth(line: string): number {
  let markers = 0;
  let columns = 0;
  let index = 0;
  while (index < line.length) {
    const character = line[index];
    if (character === ' ') {
      columns += 1;
      index += 1;
    } else if (character === '\t') {
      columns += 4 - (columns % 4);
      index += 1;
    } else if (character === '>') {
      markers += 1;
      index += 1;
    } else if ((character === '-' || character === '*' || character === '+') && isBlank(line[index + 1])) {
      markers += 1;
      index += 1;
    } else {
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(index, index + 11));
      if (ordered === null) break;
      markers += 1;
      index += ordered[0].length;
    }
    // Cheap early exit: the caller only needs to know the limit is passed.
    if (markers + Math.floor(columns / 2) > INPUT_LIMITS.maxMarkdownDepth) break;
  }
  return markers + Math.floor(columns / 2);
}

function isBlank(character: string | undefined): boolean {
  return character === undefined || character === ' ' || character === '\t';
}

/** Elements without content: never opened. */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen frame basefont isindex'.split(
    ' ',
  ),
);
/** Elements whose end tag is optional: the parser closes them itself, so they do not pile up. */
const SELF_CLOSING_ELEMENTS = new Set(
  'p li dt dd option optgroup tr td th thead tbody tfoot rt rp rb rtc colgroup caption html head body'.split(
    ' ',
  ),
);
/** HTML containers that `<tag/>` still opens (the slash is ignored outside SVG and MathML). */
const HTML_CONTAINERS = new Set(
  'div span section article main aside nav header footer blockquote ul ol dl table a b i u s em strong font center form fieldset figure details q small big sub sup label code pre mark abbr cite'.split(
    ' ',
  ),
);
/** Their content is text, not markup. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);
const TAG_NAME = /[a-zA-Z][a-zA-Z0-9:-]*/y;

/** A linear scan of the tags (a regular expression would backtrack on unclosed tags and quotes). */
function checkHtmlDepth(text: string): void {
  let depth = 0;
  let index = text.indexOf('<');
  while (index !== -1) {
    if (text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4);
      if (close === -1) return;
      index = text.indexOf('<', close + 3);
      continue;
    }
    const closing = text[index + 1] === '/';
    TAG_NAME.lastIndex = index + (closing ? 2 : 1);
    const name = TAG_NAME.exec(text)?.[0].toLowerCase();
    if (name === undefined) {
      index = text.indexOf('<', index + 1);
      continue;
    }
    const end = tagEnd(text, TAG_NAME.lastIndex);
    // An unclosed tag or attribute value swallows the rest of the page: nothing more is nested.
    if (end === -1) return;
    const selfClosed = text[end - 1] === '/';
    const tagStart = index;
    index = text.indexOf('<', end + 1);
    if (VOID_ELEMENTS.has(name) || SELF_CLOSING_ELEMENTS.has(name)) continue;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = indexOfIgnoringCase(text, `</${name}`, end + 1);
      if (close === -1) return;
      index = close;
      continue;
    }
    if (selfClosed && !HTML_CONTAINERS.has(name)) continue;
    depth += 1;
    if (depth > INPUT_LIMITS.maxHtmlDepth) {
      throw new InputError(
        'too-complex',
        `Imbrication trop profonde : plus de ${INPUT_LIMITS.maxHtmlDepth} éléments HTML l’un dans l’autre (à « ${quoteInput(text.slice(tagStart, end + 1))} »).`,
      );
    }
  }
}

/** Index of the `>` that ends a tag whose attributes start at `from`, quotes respected; -1 when none. */
function tagEnd(text: string, from: number): number {
  let quote: string | undefined;
  let afterEquals = false;
  for (let index = from; index < text.length; index += 1) {
    const character = text[index] as string;
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
      continue;
    }
    if (character === '>') return index;
    // A quote opens a value only right after `=` (« title=l'ami » has none).
    if (afterEquals && (character === '"' || character === "'")) quote = character;
    if (character === '=') afterEquals = true;
    else if (character !== ' ' && character !== '\t' && character !== '\n') afterEquals = false;
  }
  return -1;
}

function indexOfIgnoringCase(text: string, wanted: string, from: number): number {
  for (let index = text.indexOf('</', from); index !== -1; index = text.indexOf('</', index + 2)) {
    if (text.slice(index, index + wanted.length).toLowerCase() === wanted) return index;
  }
  return -1;
}
