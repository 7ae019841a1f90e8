/**
 * Text widths in CSS pixels from Arial's advance widths, as Plume's audit measures titles
 * (`src/lang/pixel-width/measure-text-width.ts`), so the Google preview and the report agree to the
 * pixel whatever fonts the browser has. The same algorithm in plain JavaScript (the page has no build
 * step); `test/web/text-width-drift.test.ts` compares the two on many texts.
 *
 * The advance tables are given, not imported: the page gets them from `/modules/arial-advance-widths.js`,
 * which the server generates from the audit's own table.
 */

const zeroWidthJoiner = 0x200d;
const firstRegionalIndicator = 0x1f1e6;
const lastRegionalIndicator = 0x1f1ff;
const firstEmojiModifier = 0x1f3fb;
const lastEmojiModifier = 0x1f3ff;

const whitespacePattern = /^\s$/u;
// Lone surrogates (half an emoji, from a cut string) count zero so a growing text never gets narrower.
const zeroWidthPattern = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Cs}]$/u;
const widePattern =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Regional_Indicator}]$/u;
const digitPattern = /^[\p{N}\p{Sc}]$/u;
const uppercasePattern = /^[\p{Lu}\p{Lt}]$/u;

// Spaces where a line may break; no-break spaces (U+00A0, U+202F) and the figure space glue their neighbours.
const breakingSpacePattern = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000]+/gu;
// Marks that introduce what follows: left before « … » they dangle.
const danglingEndPattern = /(?:^|[\s\u200b]+)[\p{Pd}\p{Ps}\p{Pi}:;,|/·•&+=]+$/u;
const trailingSpacePattern = /[\s\u200b]+$/u;
const visiblePattern = /[^\s\u200b]/u;
const attachingPattern = /^[\p{M}\p{Cf}]$/u;

/**
 * Measuring functions for the given tables: `{ unitsPerEm, regular, bold }`, each style
 * `{ ranges, advances }` as in `arial-advance-widths.ts`.
 */
export function createTextWidth(tables) {
  const styles = new Map();
  const fallbackClasses = new Map();

  const styleFor = (bold) => {
    let style = styles.get(bold);
    if (style === undefined) {
      style = buildStyle(bold ? tables.bold : tables.regular, tables.unitsPerEm);
      styles.set(bold, style);
    }
    return style;
  };

  const fallbackClassOf = (codePoint) => {
    let fallbackClass = fallbackClasses.get(codePoint);
    if (fallbackClass === undefined) {
      fallbackClass = classify(String.fromCodePoint(codePoint));
      fallbackClasses.set(codePoint, fallbackClass);
    }
    return fallbackClass;
  };

  /** Width in CSS pixels; options `fontSize` (default 20) and `bold` (default false). */
  const measureTextWidth = (text, options = {}) => {
    const fontSize = options.fontSize ?? 20;
    return (
      (sumAdvances(text, styleFor(options.bold ?? false), fallbackClassOf) * fontSize) / tables.unitsPerEm
    );
  };

  /**
   * Shortens `text` to at most `maxWidth` pixels as Google does: at a word boundary, without a dangling
   * introducing mark, with the ellipsis (default `' …'`) counted; a first word too wide is cut.
   */
  const truncateToWidth = (text, maxWidth, options = {}) => {
    if (measureTextWidth(text, options) <= maxWidth) return { text, truncated: false };
    const ellipsis = options.ellipsis ?? ' …';
    const fits = (candidate) => measureTextWidth(candidate, options) <= maxWidth;
    let best;
    for (const cut of wordBoundaries(text)) {
      const kept = dropDanglingEnd(text.slice(0, cut));
      if (!visiblePattern.test(kept)) continue;
      if (!fits(kept + ellipsis)) break;
      best = kept;
    }
    if (best !== undefined) return { text: best + ellipsis, truncated: true };
    const wordEllipsis = ellipsis.trimStart();
    const firstWordEnd = endOfFirstWord(text);
    let bestCut = 0;
    for (const cut of characterBoundaries(text)) {
      if (cut > firstWordEnd || !fits(text.slice(0, cut) + wordEllipsis)) break;
      bestCut = cut;
    }
    const kept = text.slice(0, bestCut).trimEnd();
    if (visiblePattern.test(kept)) return { text: kept + wordEllipsis, truncated: true };
    return { text: fits(wordEllipsis) ? wordEllipsis : '', truncated: true };
  };

  return { measureTextWidth, truncateToWidth };
}

function buildStyle(table, unitsPerEm) {
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
  const advanceOf = (character) => advances[character.codePointAt(0) ?? 0] ?? 0;
  const averageOf = (first, last) => {
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
      wide: unitsPerEm,
      space: advanceOf(' '),
      digit: advanceOf('0'),
      uppercase: averageOf('A', 'Z'),
      lowercase: averageOf('a', 'z'),
    },
  };
}

/** Sum of the advances of `text` in font units; one pass over UTF-16, pairing surrogates by hand. */
function sumAdvances(text, style, fallbackClassOf) {
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

/** The fallback class of a character without a generated advance (see the TypeScript original). */
function classify(character) {
  if (widePattern.test(character)) return 'wide';
  if (whitespacePattern.test(character)) return 'space';
  if (zeroWidthPattern.test(character)) return 'zeroWidth';
  if (digitPattern.test(character)) return 'digit';
  if (uppercasePattern.test(character)) return 'uppercase';
  return 'lowercase';
}

function wordBoundaries(text) {
  return Array.from(text.matchAll(breakingSpacePattern), (match) => match.index);
}

function endOfFirstWord(text) {
  const start = text.search(visiblePattern);
  if (start === -1) return text.length;
  breakingSpacePattern.lastIndex = start;
  const match = breakingSpacePattern.exec(text);
  breakingSpacePattern.lastIndex = 0;
  return match === null ? text.length : match.index;
}

function dropDanglingEnd(prefix) {
  let kept = prefix.replace(trailingSpacePattern, '');
  while (danglingEndPattern.test(kept)) {
    kept = kept.replace(danglingEndPattern, '').replace(trailingSpacePattern, '');
  }
  return kept;
}

/** Indexes between code points, ascending, skipping those before a mark, joiner or modifier. */
function characterBoundaries(text) {
  const boundaries = [];
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
