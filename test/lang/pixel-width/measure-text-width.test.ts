import { describe, expect, it } from 'vitest';
import * as generatedWidths from '../../../src/lang/pixel-width/arial-advance-widths.js';
import * as measureModule from '../../../src/lang/pixel-width/measure-text-width.js';
import { measureTextWidth, truncateToWidth } from '../../../src/lang/pixel-width/measure-text-width.js';

const bigTechTitle = 'Big Tech est prêt à payer jusqu’à un million pour les talents en IA';
const longFrenchTitle =
  'Intelligence artificielle : pourquoi les géants de la tech se livrent une guerre sans merci pour ' +
  'recruter les meilleurs chercheurs du monde';

/** Pixels of `units` font units at `fontSize`, Liberation Sans / Arial having 2048 units per em. */
const pixels = (units: number, fontSize = 20) => (units * fontSize) / 2048;

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(measureModule).sort()).toEqual(['measureTextWidth', 'truncateToWidth']);
    expect(Object.keys(generatedWidths).sort()).toEqual([
      'arialBoldAdvances',
      'arialRegularAdvances',
      'arialUnitsPerEm',
    ]);
  });
});

describe('generated advance widths', () => {
  it('has one advance per code point of its ranges, in both styles', () => {
    for (const table of [generatedWidths.arialRegularAdvances, generatedWidths.arialBoldAdvances]) {
      const count = table.ranges.split(' ').reduce((total, run) => {
        const [first = '', last = first] = run.split('-');
        return total + Number.parseInt(last, 16) - Number.parseInt(first, 16) + 1;
      }, 0);
      expect(count).toBe(table.advances.length);
    }
    expect(generatedWidths.arialUnitsPerEm).toBe(2048);
  });
});

describe('measureTextWidth', () => {
  // Advances read from Liberation Sans 1.07.4 (Arial's metrics), in font units: [text, regular, bold].
  const knownAdvances: [string, number, number][] = [
    ['a', 1139, 1139],
    ['M', 1706, 1706],
    ['W', 1933, 1933],
    ['i', 455, 569],
    ['B', 1366, 1479],
    ['?', 1139, 1251],
    [' ', 569, 569],
    ['é', 1139, 1139],
    ['’', 455, 569],
    ['«', 1139, 1139],
    ['œ', 1933, 1933],
    ['Œ', 2048, 2048],
    ['€', 1139, 1139],
    ['–', 1139, 1139],
    ['—', 2048, 2048],
    ['…', 2048, 2048],
    ['™', 2048, 2048],
    ['\u00a0', 569, 569], // no-break space: the font's own glyph
    ['\u202f', 284, 284], // narrow no-break space: absent from the font, half a space (HarfBuzz fallback)
    ['\u2009', 410, 410], // thin space: absent from the font, a fifth of an em (HarfBuzz fallback)
  ];

  it.each(knownAdvances)('measures %j as its advance (regular %i, bold %i units)', (text, regular, bold) => {
    expect(measureTextWidth(text)).toBe(pixels(regular));
    expect(measureTextWidth(text, { bold: true })).toBe(pixels(bold));
    expect(measureTextWidth(text, { fontSize: 14 })).toBe(pixels(regular, 14));
  });

  it('measures « a » at 20 px as 1139 × 20 / 2048', () => {
    expect(measureTextWidth('a')).toBe(11.123046875);
  });

  it('measures a French title in the range Google shows, at both sizes and in bold', () => {
    const width = measureTextWidth(bigTechTitle);
    expect(width).toBeGreaterThan(550);
    expect(width).toBeLessThan(700);
    expect(width).toBeCloseTo(575.869, 3);
    expect(measureTextWidth(bigTechTitle, { fontSize: 14 })).toBeCloseTo(403.108, 3);
    expect(measureTextWidth(bigTechTitle, { bold: true })).toBeCloseTo(621.24, 2);
  });

  it('measures the empty string as 0', () => {
    expect(measureTextWidth('')).toBe(0);
    expect(measureTextWidth('', { fontSize: 14, bold: true })).toBe(0);
  });

  it('never gets narrower when characters are added', () => {
    for (const text of [
      bigTechTitle,
      longFrenchTitle,
      'Prix\u202f: 10\u00a0€ 👨‍👩‍👧 🇫🇷🇩🇪 👍🏽 中文 e\u0301\t!',
    ]) {
      let previous = 0;
      for (let length = 1; length <= text.length; length++) {
        const width = measureTextWidth(text.slice(0, length));
        expect(width).toBeGreaterThanOrEqual(previous);
        previous = width;
      }
    }
  });

  describe('fallbacks for characters without a generated advance', () => {
    const cases: [string, string, number][] = [
      ['a decomposed accent adds nothing', 'e\u0301', 1139],
      ['a zero-width space adds nothing', 'a\u200bb', 1139 + 1139],
      ['a CJK ideograph is one em', '中', 2048],
      ['an emoji is one em', '🚀', 2048],
      ['a ZWJ family is one emoji', '👨‍👩‍👧', 2048],
      ['a skin tone joins its emoji', '👍🏽', 2048],
      ['two regional indicators are one flag', '🇫🇷', 2048],
      ['a currency sign is a digit', '₹', 1139],
      ['a tab is a space', '\t', 569],
    ];

    it.each(cases)('%s', (_description, text, units) => {
      expect(measureTextWidth(text)).toBe(pixels(units));
    });

    it('measures other letters as the average Latin letter of their case', () => {
      const lowercaseAverage = 'abcdefghijklmnopqrstuvwxyz';
      const uppercaseAverage = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      expect(measureTextWidth('ж')).toBeCloseTo(measureTextWidth(lowercaseAverage) / 26, 10);
      expect(measureTextWidth('Ж')).toBeCloseTo(measureTextWidth(uppercaseAverage) / 26, 10);
    });
  });
});

describe('truncateToWidth', () => {
  it('keeps a text that fits, untouched', () => {
    expect(truncateToWidth(bigTechTitle, 600)).toEqual({ text: bigTechTitle, truncated: false });
    expect(truncateToWidth('', 600)).toEqual({ text: '', truncated: false });
  });

  it('cuts a long French title at a word boundary, ellipsis included, within 600 px', () => {
    const result = truncateToWidth(longFrenchTitle, 600);
    expect(result).toEqual({
      text: 'Intelligence artificielle : pourquoi les géants de la tech se livrent …',
      truncated: true,
    });
    expect(result.text.endsWith('…')).toBe(true);
    expect(measureTextWidth(result.text)).toBeLessThanOrEqual(600);
    const kept = result.text.slice(0, -' …'.length);
    expect(longFrenchTitle.startsWith(kept)).toBe(true);
    expect(longFrenchTitle[kept.length]).toBe(' ');
    // The next word would not have fitted.
    expect(measureTextWidth(`${kept} une …`)).toBeGreaterThan(600);
  });

  it('fits descriptions at 14 px', () => {
    const description = `${longFrenchTitle}. ${bigTechTitle}, selon les dernières annonces.`;
    const result = truncateToWidth(description, 920, { fontSize: 14 });
    expect(result.truncated).toBe(true);
    expect(measureTextWidth(result.text, { fontSize: 14 })).toBeLessThanOrEqual(920);
    expect(measureTextWidth(result.text)).toBeGreaterThan(920);
  });

  it('counts the width of the ellipsis it appends', () => {
    for (let maxWidth = 40; maxWidth <= 700; maxWidth += 7) {
      const result = truncateToWidth(longFrenchTitle, maxWidth, { bold: true });
      expect(measureTextWidth(result.text, { bold: true })).toBeLessThanOrEqual(maxWidth);
    }
  });

  it('does not cut at a no-break space, and drops a dangling dash', () => {
    const text = 'Les prix : hausse de 10\u00a0% – un record historique absolu';
    const withPercent = measureTextWidth('Les prix : hausse de 10\u00a0% …');
    expect(truncateToWidth(text, withPercent).text).toBe('Les prix : hausse de 10\u00a0% …');
    expect(truncateToWidth(text, withPercent - 0.01).text).toBe('Les prix : hausse de …');
  });

  it('cuts the first word when it alone is too wide', () => {
    const result = truncateToWidth('Anticonstitutionnellement vôtre', 200);
    expect(result).toEqual({ text: 'Anticonstitutionnelle…', truncated: true });
    expect(measureTextWidth(result.text)).toBeLessThanOrEqual(200);
  });

  it('never cuts into the second word, even when the ellipsis has wide leading whitespace', () => {
    const word = 'Anticonstitutionnellement';
    // With an em space before « … », « word a… » is narrower than « word\u2003… », yet it cuts « absolument ».
    const ellipsis = '\u2003…';
    const maxWidth = measureTextWidth(`${word} a…`);
    expect(measureTextWidth(`${word}${ellipsis}`)).toBeGreaterThan(maxWidth);
    expect(truncateToWidth(`${word} absolument`, maxWidth, { ellipsis })).toEqual({
      text: `${word}…`,
      truncated: true,
    });
  });

  it('returns an empty text when not even the ellipsis fits', () => {
    expect(truncateToWidth('abc', 12)).toEqual({ text: '', truncated: true });
  });

  it('takes another ellipsis', () => {
    const result = truncateToWidth(longFrenchTitle, 600, { ellipsis: '…' });
    expect(result.text).toBe('Intelligence artificielle : pourquoi les géants de la tech se livrent…');
  });
});
