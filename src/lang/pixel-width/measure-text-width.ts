import {
  arialBoldAdvances,
  arialRegularAdvances,
  arialUnitsPerEm,
  type GlyphAdvanceTable,
} from './arial-advance-widths.js';

/** How Google draws the text being measured. */
export interface MeasureTextOptions {
  /** Font size in CSS pixels (default: `20`, Google's result title; descriptions are `14`). */
  fontSize?: number;
  /** Measure Arial bold, which Google uses for query words in descriptions (default: `false`). */
  bold?: boolean;
}

/** How to shorten a text that is too wide. */
export interface TruncateToWidthOptions extends MeasureTextOptions {
  /**
   * Appended after the last whole word, its width counted (default: `' …'`, U+2026 after a space, as on
   * Google's result page). When the first word alone is too wide it is cut and the ellipsis is appended
   * without its leading whitespace.
   */
  ellipsis?: string;
}

/** A possibly shortened text. */
export interface TruncatedText {
  /** The text itself when it fits, else a prefix ending on a whole word followed by the ellipsis. */
  text: string;
  /** Whether the text was shortened. */
  truncated: boolean;
}

/**
 * Width in CSS pixels of `text` drawn in Arial, as Google renders result titles (20 px) and descriptions
 * (14 px): the sum of the glyph advances × fontSize / unitsPerEm. Kerning is ignored and whitespace is
 * measured as given (not collapsed as HTML would).
 *
 * Characters without a generated advance (outside Latin, punctuation and currency blocks) get a fallback:
 * - zero for combining marks, format and control characters and lone surrogates: they draw nothing or
 *   attach to the previous glyph;
 * - a full em for CJK and fullwidth characters and for emoji, not the « M » of Arial: CJK fonts set them on
 *   a square em and colour emoji are at least as wide; a ZWJ sequence, a skin tone or a flag counts once;
 * - the space for other whitespace (tab and newline included, as HTML draws them);
 * - the digit zero for other digits and currency signs (Arial draws both on the same tabular width);
 * - the average of A-Z for other uppercase letters, the average of a-z for everything else.
 */
export function measureTextWidth(text: string, options: MeasureTextOptions = {}): number {
  const fontSize = options.fontSize ?? 20;
  return (sumAdvances(text, styleFor(options.bold ?? false)) * fontSize) / arialUnitsPerEm;
}

/**
 * Shortens `text` to at most `maxWidth` pixels the way Google shortens long titles: cut at a word boundary
 * (never mid-word, and not at a no-break space), drop a dangling introducing mark (« – », « | », « : »)
 * and append the ellipsis, whose width counts. If even the first word does not fit, that word is cut.
 */
export function truncateToWidth(
  text: string,
  maxWidth: number,
  options: TruncateToWidthOptions = {},
): TruncatedText {
  if (measureTextWidth(text, options) <= maxWidth) return { text, truncated: false };
  const ellipsis = options.ellipsis ?? ' …';
  const fits = (candidate: string) => measureTextWidth(candidate, options) <= maxWidth;

  // Whole words: the longest prefix ending before a breaking space that fits with the ellipsis.
  let best: string | undefined;
  for (const cut of wordBoundaries(text)) {
    const kept = dropDanglingEnd(text.slice(0, cut));
    if (!hasVisibleCharacter(kept)) continue;
    if (!fits(kept + ellipsis)) break;
    best = kept;
  }
  if (best !== undefined) return { text: best + ellipsis, truncated: true };

  // The first word alone is too wide: cut it between characters, never before a zero-width one. The
  // ellipsis loses its leading space, which may let the whole first word fit, but never part of the next.
  const wordEllipsis = ellipsis.trimStart();
  const firstWordEnd = endOfFirstWord(text);
  let bestCut = 0;
  for (const cut of characterBoundaries(text)) {
    if (cut > firstWordEnd || !fits(text.slice(0, cut) + wordEllipsis)) break;
    bestCut = cut;
  }
  const kept = text.slice(0, bestCut).trimEnd();
  if (hasVisibleCharacter(kept)) return { text: kept + wordEllipsis, truncated: true };
  return { text: fits(wordEllipsis) ? wordEllipsis : '', truncated: true };
}

/** Advances of one style, indexed by code point up to the highest generated one (NaN where unknown). */
interface FontStyle {
  advances: Float64Array;
  fallbackAdvances: Record<FallbackClass, number>;
}

type FallbackClass = 'zeroWidth' | 'wide' | 'space' | 'digit' | 'uppercase' | 'lowercase';

const zeroWidthJoiner = 0x200d;
const firstRegionalIndicator = 0x1f1e6;
const lastRegionalIndicator = 0x1f1ff;
const firstEmojiModifier = 0x1f3fb;
const lastEmojiModifier = 0x1f3ff;

const styles = new Map<boolean, FontStyle>();
const fallbackClasses = new Map<number, FallbackClass>();

function styleFor(bold: boolean): FontStyle {
  let style = styles.get(bold);
  if (style === undefined) {
    style = buildStyle(bold ? arialBoldAdvances : arialRegularAdvances);
    styles.set(bold, style);
  }
  return style;
}

function buildStyle(table: GlyphAdvanceTable): FontStyle {
  const runs = table.ranges.split(' ').map((run) => {
    const [first = '', last = first] = run.split('-');
    return { first: Number.parseInt(first, 16), last: Number.parseInt(last, 16) };
  });
  const highest = runs.reduce((maximum, run) => Math.max(maximum, run.last), 0);
  const advances = new Float64Array(highest + 1).fill(Number.NaN);
  let position = 0;
  for (const run of runs) {
    for (let codePoint = run.first; codePoint <= run.last; codePoint++) {
      advances[codePoint] = table.advances[position++] ?? Number.NaN;
    }
  }
  const advanceOf = (character: string) => advances[character.codePointAt(0) ?? 0] ?? 0;
  const averageOf = (first: string, last: string) => {
    const start = first.codePointAt(0) ?? 0;
    const end = last.codePointAt(0) ?? 0;
    let total = 0;
    for (let codePoint = start; codePoint <= end; codePoint++) total += advances[codePoint] ?? 0;
    return total / (end - start + 1);
  };
  return {
    advances,
    fallbackAdvances: {
      zeroWidth: 0,
      wide: arialUnitsPerEm,
      space: advanceOf(' '),
      digit: advanceOf('0'),
      uppercase: averageOf('A', 'Z'),
      lowercase: averageOf('a', 'z'),
    },
  };
}

/** Sum of the advances of `text` in font units; one pass over UTF-16, pairing surrogates by hand. */
function sumAdvances(text: string, style: FontStyle): number {
  const { advances, fallbackAdvances } = style;
  let units = 0;
  let previousCodePoint = -1;
  let previousIsWide = false;
  let regionalIndicatorOpen = false;
  for (let index = 0; index < text.length; index++) {
    let codePoint = text.charCodeAt(index);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        index++;
      }
    }
    const known = advances[codePoint];
    if (known !== undefined && !Number.isNaN(known)) {
      units += known;
      previousIsWide = false;
      regionalIndicatorOpen = false;
    } else {
      const fallbackClass = fallbackClassOf(codePoint);
      const isRegionalIndicator = codePoint >= firstRegionalIndicator && codePoint <= lastRegionalIndicator;
      if (fallbackClass !== 'wide') {
        units += fallbackAdvances[fallbackClass];
      } else if (isRegionalIndicator) {
        // Two regional indicators draw one flag.
        if (!regionalIndicatorOpen) units += fallbackAdvances.wide;
      } else {
        // Emoji joined by a ZWJ or followed by a skin tone draw as one glyph.
        const isModifier = codePoint >= firstEmojiModifier && codePoint <= lastEmojiModifier;
        const continuesPrevious = previousCodePoint === zeroWidthJoiner || (isModifier && previousIsWide);
        if (!continuesPrevious) units += fallbackAdvances.wide;
      }
      regionalIndicatorOpen = isRegionalIndicator && !regionalIndicatorOpen;
      previousIsWide = fallbackClass === 'wide';
    }
    previousCodePoint = codePoint;
  }
  return units;
}

const whitespacePattern = /^\s$/u;
// Lone surrogates (half an emoji, from a cut string) count zero so a growing text never gets narrower.
const zeroWidthPattern = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Cs}]$/u;
const widePattern =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Regional_Indicator}]$/u;
const digitPattern = /^[\p{N}\p{Sc}]$/u;
const uppercasePattern = /^[\p{Lu}\p{Lt}]$/u;

/** Classifies a code point without a generated advance; cached, as regexes are slow per character. */
function fallbackClassOf(codePoint: number): FallbackClass {
  let fallbackClass = fallbackClasses.get(codePoint);
  if (fallbackClass === undefined) {
    const character = String.fromCodePoint(codePoint);
    // Wide first (the ideographic space is a full em), then whitespace before zero-width: tab and newline
    // are controls, but HTML draws them as spaces.
    if (widePattern.test(character)) fallbackClass = 'wide';
    else if (whitespacePattern.test(character)) fallbackClass = 'space';
    else if (zeroWidthPattern.test(character)) fallbackClass = 'zeroWidth';
    else if (digitPattern.test(character)) fallbackClass = 'digit';
    else if (uppercasePattern.test(character)) fallbackClass = 'uppercase';
    else fallbackClass = 'lowercase';
    fallbackClasses.set(codePoint, fallbackClass);
  }
  return fallbackClass;
}

// Spaces where a line may break; the no-break spaces of French typography (U+00A0, U+202F) and the figure
// space glue their neighbours, so a title is never cut between « 10 » and « % ».
const breakingSpacePattern = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000]+/gu;
// Marks that introduce what follows (dashes, opening quotes and brackets, separators): left before « … »
// they dangle. Closing marks, « % », « ! » or « ? » belong to the word before them and stay.
const danglingEndPattern = /(?:^|[\s\u200b]+)[\p{Pd}\p{Ps}\p{Pi}:;,|/·•&+=]+$/u;
const trailingSpacePattern = /[\s\u200b]+$/u;
const visiblePattern = /[^\s\u200b]/u;
const attachingPattern = /^[\p{M}\p{Cf}]$/u;

/** Indexes where a breaking space run starts, ascending; `text.slice(0, index)` ends on a word. */
function wordBoundaries(text: string): number[] {
  return Array.from(text.matchAll(breakingSpacePattern), (match) => match.index);
}

/** Index of the first breaking space after the first visible character, or the text's length. */
function endOfFirstWord(text: string): number {
  const start = text.search(visiblePattern);
  if (start === -1) return text.length;
  breakingSpacePattern.lastIndex = start;
  const match = breakingSpacePattern.exec(text);
  breakingSpacePattern.lastIndex = 0;
  return match === null ? text.length : match.index;
}

/** Drops trailing spaces and introducing marks (« – », « | », « : », « « ») that would dangle before « … ». */
function dropDanglingEnd(prefix: string): string {
  let kept = prefix.replace(trailingSpacePattern, '');
  while (danglingEndPattern.test(kept)) {
    kept = kept.replace(danglingEndPattern, '').replace(trailingSpacePattern, '');
  }
  return kept;
}

function hasVisibleCharacter(text: string): boolean {
  return visiblePattern.test(text);
}

/** Indexes between code points, ascending, skipping those before a mark, joiner or modifier. */
function characterBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  let index = 0;
  for (const character of text) {
    index += character.length;
    const next = text.codePointAt(index);
    if (next === undefined) break;
    const nextCharacter = String.fromCodePoint(next);
    const attachesToPrevious =
      attachingPattern.test(nextCharacter) || (next >= firstEmojiModifier && next <= lastEmojiModifier);
    if (!attachesToPrevious) boundaries.push(index);
  }
  return boundaries;
}
