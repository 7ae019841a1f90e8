/**
 * French typography: the spaces around high punctuation and guillemets, the typographic apostrophe,
 * no double spaces, guillemets instead of straight double quotes.
 *
 * Expected forms (Imprimerie nationale / common French web practice):
 * - « : » and inside « guillemets »: espace insécable U+00A0;
 * - « ; », « ! », « ? »: espace fine insécable U+202F.
 * Either no-break space is accepted in all four places when checking: both are correct in practice.
 *
 * Never touched: URLs, e-mail addresses, code (Markdown backticks and fences, HTML <code>, <pre>…),
 * HTML tags and entities, Markdown link destinations and reference definitions, YAML front matter,
 * times and ratios (12:30, 3:2), IPv6 addresses, emoticons (« :) », « ;-) »), numbers (« 100 000 »
 * keeps its spaces), Markdown hard line breaks (two spaces at the end of a line) and indentation.
 */

import { codePointBefore, isLetter } from '../../character-class.js';
import { capitalAccentLexicon } from './capital-accent-words.js';
import { findBareCapitals } from './capital-accents.js';

export type TypographyIssueKind =
  | 'space-before-colon'
  | 'space-before-semicolon'
  | 'space-before-exclamation'
  | 'space-before-question'
  | 'space-inside-guillemets'
  | 'straight-apostrophe'
  | 'double-space'
  | 'straight-quotes'
  | 'english-quotes'
  | 'space-in-number'
  | 'space-before-unit'
  | 'spaced-ellipsis'
  | 'doubled-period'
  | 'space-before-comma'
  | 'space-before-period'
  | 'capital-preposition'
  | 'capital-accent';

/** One place where the text departs from French typography. */
export interface TypographyIssue {
  kind: TypographyIssueKind;
  /** Offset of the first character to replace. */
  start: number;
  /** Offset after the last character to replace: `text.slice(start, end) === found`. */
  end: number;
  found: string;
  /** What `found` should be replaced with. */
  expected: string;
}

/** Espace insécable. */
export const NO_BREAK_SPACE = '\u00A0';
/** Espace fine insécable. */
export const NARROW_NO_BREAK_SPACE = '\u202F';

/**
 * Every typography issue of a text, in text order, never overlapping: replacing each `found` by its
 * `expected` gives {@link fixTypography}'s result.
 */
export function findTypographyIssues(text: string): TypographyIssue[] {
  const masked = maskProtected(text);
  // Punctuation rules first: where they take the spaces before a sign, the double-space rule yields.
  // Appended by one loop, not spread at thirteen places: an empty result and a filled one are arrays of two
  // shapes to V8, and each spread compiled for one shape was thrown away at the first of the other.
  const candidates: TypographyIssue[] = [];
  for (const found of [
    findSpaceBeforeColonOrSemicolon(text, masked),
    findSpaceBeforeExclamationOrQuestion(text, masked),
    findSpaceInsideGuillemets(text, masked),
    findStraightQuotes(text, masked),
    findEnglishQuotes(text, masked),
    findStraightApostrophes(masked),
    findNumberSpaces(text, masked),
    findUnitSpaces(text, masked),
    findEllipses(text, masked),
    findSpaceBeforeCommaOrPeriod(text, masked),
    findCapitalPrepositions(masked),
    findCapitalAccents(masked),
    findDoubleSpaces(masked),
  ]) {
    for (let index = 0; index < found.length; index += 1) candidates.push(found[index] as TypographyIssue);
  }
  candidates.sort((left, right) => left.start - right.start || right.end - left.end);
  const issues: TypographyIssue[] = [];
  let lastEnd = 0;
  for (const issue of candidates) {
    if (issue.start < lastEnd) continue;
    issues.push(issue);
    lastEnd = issue.end;
  }
  return issues;
}

/**
 * The text with every issue of {@link findTypographyIssues} fixed. Idempotent, and its result has no
 * issue left.
 */
export function fixTypography(text: string): string {
  const issues = findTypographyIssues(text);
  if (issues.length === 0) return text;
  let result = '';
  let position = 0;
  for (const issue of issues) {
    result += text.slice(position, issue.start) + issue.expected;
    position = issue.end;
  }
  return result + text.slice(position);
}

// Masking. Protected ranges are replaced by MASK (same length) in a copy of the text; the rules run on
// that copy, so offsets stay those of the original and no rule sees inside protected text. Each pattern
// comes with the strings it cannot match without, so plain prose skips it.
const MASK = '\u0000';
const PROTECTED_PATTERNS: readonly { pattern: RegExp; hints: readonly string[] }[] = [
  // YAML front matter at the very start.
  { pattern: /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/g, hints: ['---'] },
  // Fenced code blocks (an unclosed fence runs to the end).
  { pattern: /^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm, hints: ['```', '~~~'] },
  // HTML elements whose content is code or not prose.
  { pattern: /<(code|pre|kbd|samp|script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, hints: ['<'] },
  // Inline code spans (`code`, ``code with ` inside``), within one paragraph.
  { pattern: /(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?(?<!`)\1(?!`)/g, hints: ['`'] },
  // HTML comments, tags (Markdown autolinks <https://…> included) and entities.
  { pattern: /<!--[\s\S]*?-->/g, hints: ['<!--'] },
  { pattern: /<\/?[a-zA-Z][^<>]*>/g, hints: ['<'] },
  { pattern: /&(?:#\d+|#x[\da-fA-F]+|[a-zA-Z][a-zA-Z\d]*);/g, hints: ['&'] },
  // Markdown reference definitions « [id]: url » (at a line start) and link destinations with their
  // title « ](url "title") », before URLs so that a URL does not cut a destination short.
  { pattern: /^[ \t]{0,3}\[[^[\]\n]+\]:[ \t]*\S+/gm, hints: [']:'] },
  {
    pattern: /\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g,
    hints: [']('],
  },
  // URLs with a scheme or starting with www.; the final punctuation belongs to the sentence.
  {
    pattern: /\b(?:[a-zA-Z][a-zA-Z\d+.-]*:\/\/|www\.|mailto:)[^\s<>"«»]*[^\s<>"«».,;:!?)\]]/g,
    hints: ['://', 'www.', 'mailto:'],
  },
  // E-mail addresses.
  { pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, hints: ['@'] },
];

function maskProtected(text: string): string {
  let masked = text;
  for (const { pattern, hints } of PROTECTED_PATTERNS) {
    if (!hints.some((hint) => masked.includes(hint))) continue;
    masked = masked.replace(pattern, (match) => MASK.repeat(match.length));
  }
  return masked;
}

// Characters that may follow « : » or « ; » when they end a clause: space, end, closing emphasis or
// quote. Anything else (« 12:30 », « 3:2 », « :) », « ;-) », « C:\\ », « std::vector ») is left alone.
// A masked character after the sign is a tag or an entity (« Bonjour !</p> », « Note:&nbsp;»).
const AFTER_COLON_OR_SEMICOLON = /^(?:$|[\s*_»"”’«\0])/;
const AFTER_EXCLAMATION_OR_QUESTION = /^(?:$|[\s*_»"”’)\].,;:«\0])/;
// Spaces that may stand before a sign: regular, tab, no-break, narrow no-break.
const HORIZONTAL_SPACES = new Set([' ', '\t', NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE]);
const NO_BREAK_SPACES = new Set([NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE]);
// In HTML, a no-break space may be written as an entity (« Bonjour&nbsp;! »).
const NO_BREAK_ENTITY_BEFORE = /&(?:nbsp|#160|#x0*a0|#8239|#x202f);$/i;
const NO_BREAK_ENTITY_AFTER = /^&(?:nbsp|#160|#x0*a0|#8239|#x202f);/i;

/** Where the spaces before `index` start, or -1 if they start a line (indentation, not typography). */
function spacesStart(masked: string, index: number): number {
  let start = index;
  while (start > 0 && HORIZONTAL_SPACES.has(masked[start - 1] as string)) start -= 1;
  if (start === 0 || masked[start - 1] === '\n' || masked[start - 1] === '\r') return -1;
  return start;
}

/** The issue for a sign at [signStart, signEnd) that needs `space` before it, or null if it has one. */
function issueBefore(
  text: string,
  masked: string,
  signStart: number,
  signEnd: number,
  space: string,
  kind: TypographyIssueKind,
): TypographyIssue | null {
  const start = spacesStart(masked, signStart);
  if (start < 0) return null;
  const spaces = text.slice(start, signStart);
  if (spaces.length === 1 && NO_BREAK_SPACES.has(spaces)) return null;
  if (spaces.length === 0 && NO_BREAK_ENTITY_BEFORE.test(text.slice(Math.max(0, signStart - 8), signStart))) {
    return null;
  }
  const sign = text.slice(signStart, signEnd);
  return { kind, start, end: signEnd, found: spaces + sign, expected: space + sign };
}

function findSpaceBeforeColonOrSemicolon(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  for (const match of masked.matchAll(/[:;]/g)) {
    const index = match.index;
    const previous = masked[index - 1];
    const next = masked.slice(index + 1, index + 2);
    // « :: », « ;; » (IPv6, C++, CSS) are not prose.
    if (previous === ':' || previous === ';' || next === ':' || next === ';') continue;
    if (!AFTER_COLON_OR_SEMICOLON.test(next)) continue;
    const issue =
      match[0] === ':'
        ? issueBefore(text, masked, index, index + 1, NO_BREAK_SPACE, 'space-before-colon')
        : issueBefore(text, masked, index, index + 1, NARROW_NO_BREAK_SPACE, 'space-before-semicolon');
    if (issue) issues.push(issue);
  }
  return issues;
}

function findSpaceBeforeExclamationOrQuestion(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  // A group such as « ?! » or « !!! » takes one space before it, none inside.
  for (const match of masked.matchAll(/[!?]+/g)) {
    const index = match.index;
    const end = index + match[0].length;
    const previous = masked[index - 1];
    // « (?) » and « [!NOTE] » are not sentence punctuation; « ![image] » and « != » fail the next test.
    if (previous === '(' || previous === '[') continue;
    if (!AFTER_EXCLAMATION_OR_QUESTION.test(masked.slice(end, end + 1))) continue;
    const kind = match[0].startsWith('!') ? 'space-before-exclamation' : 'space-before-question';
    const issue = issueBefore(text, masked, index, end, NARROW_NO_BREAK_SPACE, kind);
    if (issue) issues.push(issue);
  }
  return issues;
}

function findSpaceInsideGuillemets(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  for (const match of masked.matchAll(/«[ \t\u00A0\u202F]*/g)) {
    const index = match.index;
    const end = index + match[0].length;
    // « at the end of a line: the quotation starts on the next one; leave the layout alone.
    if (end === masked.length || masked[end] === '\n' || masked[end] === '\r') continue;
    const spaces = match[0].slice(1);
    if (spaces.length === 1 && NO_BREAK_SPACES.has(spaces)) continue;
    if (spaces.length === 0 && NO_BREAK_ENTITY_AFTER.test(text.slice(end, end + 8))) continue;
    const found = text.slice(index, end);
    issues.push({
      kind: 'space-inside-guillemets',
      start: index,
      end,
      found,
      expected: `«${NO_BREAK_SPACE}`,
    });
  }
  for (const match of masked.matchAll(/»/g)) {
    const index = match.index;
    const start = spacesStart(masked, index);
    // The spaces right after an opening « belong to it: « «  » » is fixed once, as « «\u00A0» ».
    if (start < 0 || masked[start - 1] === '«') continue;
    const issue = issueBefore(text, masked, index, index + 1, NO_BREAK_SPACE, 'space-inside-guillemets');
    if (issue) issues.push(issue);
  }
  return issues;
}

// A straight double quote may open after these (or at a line start) and close before these.
const BEFORE_OPENING_QUOTE = /^(?:$|[\s([{—–\-/:;'’])/;
const AFTER_CLOSING_QUOTE = /^(?:$|[\s)\]}.,;:!?…*_\-—–'’])/;
const LETTER = /\p{L}/u;

/** Straight double quotes around words, paired on each line; a line whose quotes do not pair is skipped. */
function findStraightQuotes(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  if (!masked.includes('"')) return issues;
  let lineStart = 0;
  while (lineStart <= masked.length) {
    const newline = masked.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? masked.length : newline;
    const line = masked.slice(lineStart, lineEnd);
    if (line.includes('"')) issues.push(...quotesOfLine(text, masked, lineStart, line));
    lineStart = lineEnd + 1;
  }
  return issues;
}

function quotesOfLine(text: string, masked: string, lineStart: number, line: string): TypographyIssue[] {
  const positions: number[] = [];
  for (let index = line.indexOf('"'); index >= 0; index = line.indexOf('"', index + 1)) {
    positions.push(lineStart + index);
  }
  if (positions.length % 2 !== 0) return [];
  const issues: TypographyIssue[] = [];
  for (let pair = 0; pair < positions.length; pair += 2) {
    const open = positions[pair] as number;
    const close = positions[pair + 1] as number;
    const before = open === lineStart ? '' : (masked[open - 1] as string);
    const after = masked.slice(close + 1, close + 2);
    const inside = masked.slice(open + 1, close);
    // Inches (12"), quotes glued to words or to protected text: not a quotation, leave the line alone.
    if (!BEFORE_OPENING_QUOTE.test(before) || !AFTER_CLOSING_QUOTE.test(after)) return [];
    if (!LETTER.test(inside) || inside.includes(MASK)) return [];
    const openEnd = open + 1 + (/^[ \t\u00A0\u202F]*/.exec(inside)?.[0].length ?? 0);
    const closeStart = close - (/[ \t\u00A0\u202F]*$/.exec(inside)?.[0].length ?? 0);
    issues.push(
      {
        kind: 'straight-quotes',
        start: open,
        end: openEnd,
        found: text.slice(open, openEnd),
        expected: `«${NO_BREAK_SPACE}`,
      },
      {
        kind: 'straight-quotes',
        start: closeStart,
        end: close + 1,
        found: text.slice(closeStart, close + 1),
        expected: `${NO_BREAK_SPACE}»`,
      },
    );
  }
  return issues;
}

/**
 * Curly English quotes “ ” around words, paired on each line, become guillemets with their no-break
 * spaces; a line whose quotes do not pair is skipped.
 */
function findEnglishQuotes(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  if (!masked.includes('“')) return issues;
  for (const match of masked.matchAll(/“([ \t\u00A0\u202F]*)([^“”\n]*?)([ \t\u00A0\u202F]*)”/g)) {
    const open = match.index;
    const inside = match[2] ?? '';
    if (!LETTER.test(inside) || inside.includes(MASK)) continue;
    const openEnd = open + 1 + (match[1]?.length ?? 0);
    const closeStart = openEnd + inside.length;
    const close = open + match[0].length;
    issues.push(
      {
        kind: 'english-quotes',
        start: open,
        end: openEnd,
        found: text.slice(open, openEnd),
        expected: `«${NO_BREAK_SPACE}`,
      },
      {
        kind: 'english-quotes',
        start: closeStart,
        end: close,
        found: text.slice(closeStart, close),
        expected: `${NO_BREAK_SPACE}»`,
      },
    );
  }
  return issues;
}

/** « 100 000 », « 1 000 000 »: the digit groups of a number are held together by narrow no-break spaces. */
function findNumberSpaces(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  // Needed by the pattern below, whose look-behind would be tried at every position of every text.
  if (!/\d[ \u00A0]{1,2}\d{3}/.test(masked)) return issues;
  for (const match of masked.matchAll(
    /(?<![\d.,\p{L}])\d{1,3}(?:[ \u00A0]{1,2}\d{3})+(?![\d\p{L}]|\.\d)/gu,
  )) {
    const found = text.slice(match.index, match.index + match[0].length);
    // No-break spaces of either width hold the groups together: only a breaking space is an issue.
    if (!/ /.test(found)) continue;
    issues.push({
      kind: 'space-in-number',
      start: match.index,
      end: match.index + found.length,
      found,
      expected: found.replace(/[ \u00A0]/g, NARROW_NO_BREAK_SPACE),
    });
  }
  return issues;
}

// Signs written after a number, with or without a space (« 4 % », « 4% », « 20 € »), and units of
// measure, only after a space: glued to digits they are often names (« h264 », « 4G », « 1080p »).
const UNIT_SIGNS = '%|‰|€|£';
const UNIT_SYMBOLS =
  'km|m|cm|mm|µm|nm|kg|g|mg|km/h|m²|m³|km²|ha|ml|cl|Ko|Mo|Go|To|ko|Kio|Mio|Gio|Mbit/s|Gbit/s|Mo/s|kWh|Wh|kW|MW|Hz|kHz|MHz|GHz|min|ms|h|°C|°F|px';
// The digit is matched, not looked behind for: a look-behind first is tried at every position. No match ends
// on a digit, so consuming it never hides the next match.
const UNIT_AFTER_NUMBER = new RegExp(
  `\\d(?:([ \\u00A0]?)(${UNIT_SIGNS})|([ \\u00A0])(${UNIT_SYMBOLS}))(?![\\p{L}\\d²³/])`,
  'gu',
);

/** « 4 % », « 3 km »: a narrow no-break space between a number and its unit, never a breaking one. */
function findUnitSpaces(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  for (const match of masked.matchAll(UNIT_AFTER_NUMBER)) {
    const spaces = match[1] ?? match[3] ?? '';
    const unit = match[2] ?? match[4] ?? '';
    if (NO_BREAK_SPACES.has(spaces)) continue;
    const start = match.index + 1;
    const end = match.index + match[0].length;
    issues.push({
      kind: 'space-before-unit',
      start,
      end,
      found: text.slice(start, end),
      expected: NARROW_NO_BREAK_SPACE + unit,
    });
  }
  return issues;
}

const TWO_PERIODS = /\.[ \u00A0]*\./;
const SPACED_PERIODS = /\.[ \u00A0]+\./;

/** « . . . » and « ... » are « … »; « PyTorch. . » is a period typed twice. */
function findEllipses(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  // Both patterns need two periods at most one run of spaces apart; their look-behinds would otherwise be
  // tried at every position of every text.
  if (!TWO_PERIODS.test(masked)) return issues;
  for (const match of masked.matchAll(/(?<!\.)\.(?:[ \u00A0]?\.){2}(?![ \u00A0]?\.)/g)) {
    issues.push({
      kind: 'spaced-ellipsis',
      start: match.index,
      end: match.index + match[0].length,
      found: text.slice(match.index, match.index + match[0].length),
      expected: '…',
    });
  }
  // « .. »-like runs with a space between (most are « ... »): only then the pattern with \p{L}, 1 to 2 ms to compile.
  if (!SPACED_PERIODS.test(masked)) return issues;
  for (const match of masked.matchAll(/(?<=[\p{L}\d)»])\.[ \u00A0]+\.(?![ \u00A0]*\.)/gu)) {
    issues.push({
      kind: 'doubled-period',
      start: match.index,
      end: match.index + match[0].length,
      found: text.slice(match.index, match.index + match[0].length),
      expected: '.',
    });
  }
  return issues;
}

// What may follow a comma or a period that ends a clause: a space, the end, a closing guillemet, emphasis
// or bracket. A letter or a digit after it makes another thing: « .NET », « .md », « 3 ,5 ».
const AFTER_COMMA_OR_PERIOD = /^(?:$|[\s»"”’*_)\]\0])/;
// What may stand before the spaces: a word, a closing sign, or protected text (code, a link).
function isBeforeCommaOrPeriod(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  return (
    isLetter(codePoint) || (codePoint >= 0x30 && codePoint <= 0x39) || CLOSING_BEFORE_SPACE.has(codePoint)
  );
}
const CLOSING_BEFORE_SPACE: ReadonlySet<number> = new Set(
  [')', '»', '”', '*', '_', '`', ']', '\0'].map((sign) => sign.charCodeAt(0)),
);

/** « déjà , depuis » → « déjà, depuis », « fin . » → « fin. »: no space before a comma or a period. */
function findSpaceBeforeCommaOrPeriod(text: string, masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  // Both need a space right before the sign; most texts have none, and the loop below is then skipped.
  if (!/[ \t\u00A0\u202F][,.]/.test(masked)) return issues;
  for (const match of masked.matchAll(/[ \t\u00A0\u202F]+([,.])/g)) {
    const start = match.index;
    const signStart = start + match[0].length - 1;
    const sign = match[1] as string;
    if (!AFTER_COMMA_OR_PERIOD.test(masked.slice(signStart + 1, signStart + 2))) continue;
    // « . . . » is an ellipsis, its own rule's.
    if (sign === '.' && /^[ \u00A0]?\./.test(masked.slice(signStart + 1, signStart + 3))) continue;
    // Spaces that start a line are indentation; « . . . » and « … . » are ellipses, not a stray space.
    if (spacesStart(masked, signStart) !== start) continue;
    if (!isBeforeCommaOrPeriod(codePointBefore(masked, start))) continue;
    if (isTableRow(masked, start)) continue;
    issues.push({
      kind: sign === ',' ? 'space-before-comma' : 'space-before-period',
      start,
      end: signStart + 1,
      found: text.slice(start, signStart + 1),
      expected: sign,
    });
  }
  return issues;
}

/** A letter or emphasis/link openers then a letter, from `lastIndex`. */
const ELISION_FOLLOWER = /\p{L}|[[*_]+\p{L}/uy;

function findStraightApostrophes(masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  // « d'[Eleventy](…) », « l'*essentiel* »: a link or emphasis after the apostrophe still makes an elision.
  // That is /(?<=\p{L})'(?=\p{L}|[[*_]+\p{L})/gu, searched from each apostrophe: a pattern opening on a
  // look-behind is tried at every position of the text.
  for (let index = masked.indexOf("'"); index >= 0; index = masked.indexOf("'", index + 1)) {
    const before = codePointBefore(masked, index);
    if (before === undefined || !isLetter(before)) continue;
    ELISION_FOLLOWER.lastIndex = index + 1;
    if (!ELISION_FOLLOWER.test(masked)) continue;
    issues.push({
      kind: 'straight-apostrophe',
      start: index,
      end: index + 1,
      found: "'",
      expected: '’',
    });
  }
  return issues;
}

function findDoubleSpaces(masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  for (const match of masked.matchAll(/ {2,}/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = masked[start - 1];
    const after = masked[end];
    // Indentation and Markdown hard line breaks (two spaces before a newline) are layout, not typos.
    if (start === 0 || before === '\n' || before === '\r') continue;
    if (after === undefined || after === '\n' || after === '\r') continue;
    // Markdown table rows align their cells with spaces.
    if (isTableRow(masked, start)) continue;
    issues.push({ kind: 'double-space', start, end, found: match[0], expected: ' ' });
  }
  return issues;
}

function isTableRow(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index) + 1;
  return /^[ \t]*\|/.test(text.slice(lineStart, lineStart + 8));
}

/**
 * Words that follow the preposition « à » and never the letter, grade or name « A » (« A ce stade »,
 * « A partir de »): « A est » or « le plan A » stay as they are.
 */
const AFTER_PREPOSITION_A: ReadonlySet<string> = new Set([
  'ce',
  'cet',
  'cette',
  'ces',
  'la',
  'les',
  "l'",
  'l’',
  'partir',
  'quoi',
  'cause',
  'propos',
  'noter',
  'titre',
  'mon',
  'ma',
  'mes',
  'ton',
  'ta',
  'tes',
  'notre',
  'nos',
  'votre',
  'vos',
  'leur',
  'leurs',
  'chaque',
  'peine',
  'moins',
  'nouveau',
  'présent',
  'terme',
  'savoir',
  'priori',
  'condition',
  'défaut',
  'travers',
  'tout',
  'toute',
  'tous',
  'toutes',
]);

/** « A » as a preposition at a sentence start, before a word of `AFTER_PREPOSITION_A`. */
const CAPITAL_A_PREPOSITION = /(^|[.!?…]\s+|\n\s*|[«“]\s*)A(\s+)(l['’]|[\p{L}]+)/gu;
/**
 * What {@link CAPITAL_A_PREPOSITION} needs: a capital « A » alone, after the start, a space or an opening
 * guillemet. Tested first: « IA » holds an « A » too, and the full pattern costs 1 to 2 ms to compile.
 */
const CAPITAL_A_ALONE = /(?:^|[\s«“])A\s/;

/** Where {@link fixCapitalPreposition} would write « À »: the audit reports what the polish fixes. */
function findCapitalPrepositions(masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  if (!masked.includes('A') || !CAPITAL_A_ALONE.test(masked)) return issues;
  for (const match of masked.matchAll(CAPITAL_A_PREPOSITION)) {
    if (!AFTER_PREPOSITION_A.has((match[3] as string).toLowerCase())) continue;
    const start = match.index + (match[1] as string).length;
    issues.push({ kind: 'capital-preposition', start, end: start + 1, found: 'A', expected: 'À' });
  }
  return issues;
}

/**
 * « Evaluer » → « Évaluer », « l'Etat » → « l'État », « Ca » → « Ça », for the common words of
 * `capitalAccentLexicon`; the optimize's polish restores more with the full lexicon.
 */
function findCapitalAccents(masked: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  for (const bare of findBareCapitals(masked, capitalAccentLexicon))
    issues.push({ kind: 'capital-accent', ...bare });
  return issues;
}

/**
 * « A ce stade » → « À ce stade »: the preposition keeps its accent on a capital. Only at a sentence start
 * (of the text, after « . ! ? … », a line break or an opening guillemet) and before a word that only
 * the preposition takes, so « A » as a letter, a grade or a name is left alone.
 */
export function fixCapitalPreposition(text: string): string {
  if (!text.includes('A') || !CAPITAL_A_ALONE.test(text)) return text;
  return text.replace(CAPITAL_A_PREPOSITION, (whole, before: string, space: string, next: string) =>
    AFTER_PREPOSITION_A.has(next.toLowerCase()) ? `${before}À${space}${next}` : whole,
  );
}
