#!/usr/bin/env node
// Generates src/lang/pixel-width/arial-advance-widths.ts from Liberation Sans, the metric-compatible Arial
// clone (same advance widths glyph for glyph), so Plume can measure titles in pixels the way Google renders
// them without shipping or reading a font at run time.
//
// Usage:
//   node scripts/generate-glyph-widths.mjs \
//     /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
//     /usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf [--output path/to/file.ts]
//
// On Debian: `apt-get install fonts-liberation`, then `dpkg -L fonts-liberation` lists the files.
// Plain Node ESM with no dependencies: the TrueType reader below only reads what advance widths need
// (table directory, head, hhea, maxp, hmtx, cmap formats 4 and 12, name). Kerning (kern/GPOS) is ignored on
// purpose: Google's title rendering is close enough without it, and pairs only move a title by a few pixels.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutputPath = resolve(repositoryRoot, 'src/lang/pixel-width/arial-advance-widths.ts');

// The Unicode blocks whose characters occur in French (and general Western) titles and descriptions.
// Only code points the font maps (or a synthesized space below) are written; the runtime falls back for the
// rest (zero-width marks and format characters, average letters, a full em for CJK and emoji).
const coveredBlocks = [
  { name: 'Basic Latin', first: 0x0020, last: 0x007e },
  { name: 'Latin-1 Supplement', first: 0x00a0, last: 0x00ff },
  { name: 'Latin Extended-A', first: 0x0100, last: 0x017f },
  // ƒ and the spacing circumflex/tilde that Windows-1252 text brings along.
  { name: 'Latin Extended-B (ƒ)', first: 0x0192, last: 0x0192 },
  { name: 'Spacing Modifier Letters', first: 0x02c6, last: 0x02dd },
  { name: 'General Punctuation', first: 0x2000, last: 0x206f },
  { name: 'Currency Symbols', first: 0x20a0, last: 0x20cf },
  // ™ and № show up in product titles.
  { name: 'Letterlike Symbols', first: 0x2100, last: 0x214f },
];

// Typographic spaces a font may lack (Liberation Sans 1.07 has none of U+2000-U+200A, U+202F, U+205F).
// Chrome shapes with HarfBuzz, which then draws the font's own space glyph with these advances
// (hb-ot-shape-fallback.cc), so that is what Google's result page shows: fractions of the em, the width of
// a digit or of '.', and half the space for the narrow no-break space used in French typography.
const synthesizedSpaces = new Map([
  [0x2000, (font) => Math.round(font.unitsPerEm / 2)], // en quad
  [0x2001, (font) => font.unitsPerEm], // em quad
  [0x2002, (font) => Math.round(font.unitsPerEm / 2)], // en space
  [0x2003, (font) => font.unitsPerEm], // em space
  [0x2004, (font) => Math.round(font.unitsPerEm / 3)], // three-per-em space
  [0x2005, (font) => Math.round(font.unitsPerEm / 4)], // four-per-em space
  [0x2006, (font) => Math.round(font.unitsPerEm / 6)], // six-per-em space
  [0x2007, (font) => advanceOf(font, '0')], // figure space
  [0x2008, (font) => advanceOf(font, '.')], // punctuation space
  [0x2009, (font) => Math.round(font.unitsPerEm / 5)], // thin space
  [0x200a, (font) => Math.round(font.unitsPerEm / 16)], // hair space
  [0x202f, (font) => Math.trunc(advanceOf(font, ' ') / 2)], // narrow no-break space
  [0x205f, (font) => Math.trunc((font.unitsPerEm * 4) / 18)], // medium mathematical space
]);

main(process.argv.slice(2));

function main(argumentList) {
  const { fontPaths, outputPath } = parseArguments(argumentList);
  const fonts = fontPaths.map(readFontFile);
  const regular = fonts.find((font) => !font.isBold);
  const bold = fonts.find((font) => font.isBold);
  if (fonts.length !== 2 || regular === undefined || bold === undefined) {
    fail('expected exactly two fonts: one regular and one bold (head.macStyle bit 0)');
  }
  if (regular.unitsPerEm !== bold.unitsPerEm) {
    fail(`unitsPerEm differ: regular ${regular.unitsPerEm}, bold ${bold.unitsPerEm}`);
  }
  const source = renderModule({ regular, bold });
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, source);
  const kilobytes = (Buffer.byteLength(source) / 1024).toFixed(1);
  process.stdout.write(`wrote ${relative(process.cwd(), outputPath)} (${kilobytes} KB)\n`);
}

function parseArguments(argumentList) {
  const fontPaths = [];
  let outputPath = defaultOutputPath;
  for (let index = 0; index < argumentList.length; index++) {
    const argument = argumentList[index];
    if (argument === '--output') {
      const value = argumentList[++index];
      if (value === undefined) fail('--output needs a path');
      outputPath = resolve(value);
    } else if (argument === '--help' || argument === '-h') {
      process.stdout.write(
        'usage: node scripts/generate-glyph-widths.mjs Regular.ttf Bold.ttf [--output file.ts]\n',
      );
      process.exit(0);
    } else {
      fontPaths.push(resolve(argument));
    }
  }
  if (fontPaths.length === 0) {
    fail('usage: node scripts/generate-glyph-widths.mjs Regular.ttf Bold.ttf [--output file.ts]');
  }
  return { fontPaths, outputPath };
}

/** Everything the generated module needs from one font file. */
function readFontFile(path) {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(view);
  const head = requireTable(tables, 'head', path);
  const hhea = requireTable(tables, 'hhea', path);
  const maxp = requireTable(tables, 'maxp', path);
  const hmtx = requireTable(tables, 'hmtx', path);
  const cmap = requireTable(tables, 'cmap', path);

  const unitsPerEm = view.getUint16(head.offset + 18);
  const macStyle = view.getUint16(head.offset + 44);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const numberOfGlyphs = view.getUint16(maxp.offset + 4);
  const advanceWidths = readAdvanceWidths(view, hmtx.offset, numberOfHMetrics, numberOfGlyphs);
  const glyphIdByCodePoint = readCharacterMap(view, cmap.offset);
  const names = tables.has('name') ? readNames(view, tables.get('name').offset) : new Map();

  return {
    path,
    fileName: basename(path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    debianPackage: findDebianPackage(path),
    fullName: names.get(4) ?? basename(path),
    version: names.get(5) ?? 'unknown version',
    isBold: (macStyle & 1) === 1,
    unitsPerEm,
    advanceWidths,
    glyphIdByCodePoint,
  };
}

function readTableDirectory(view) {
  const sfntVersion = view.getUint32(0);
  // 0x00010000 is TrueType outlines, 'true' the old Apple tag; 'OTTO' (CFF) has the same metrics tables.
  if (sfntVersion !== 0x00010000 && sfntVersion !== 0x74727565 && sfntVersion !== 0x4f54544f) {
    fail(`not a TrueType/OpenType font (sfnt version 0x${sfntVersion.toString(16)})`);
  }
  const numberOfTables = view.getUint16(4);
  const tables = new Map();
  for (let index = 0; index < numberOfTables; index++) {
    const recordOffset = 12 + index * 16;
    const tag = String.fromCharCode(
      view.getUint8(recordOffset),
      view.getUint8(recordOffset + 1),
      view.getUint8(recordOffset + 2),
      view.getUint8(recordOffset + 3),
    );
    tables.set(tag, { offset: view.getUint32(recordOffset + 8), length: view.getUint32(recordOffset + 12) });
  }
  return tables;
}

function requireTable(tables, tag, path) {
  const table = tables.get(tag);
  if (table === undefined) fail(`${path} has no '${tag}' table`);
  return table;
}

/** hmtx: one advance per glyph; glyphs past numberOfHMetrics repeat the last advance (monospaced tail). */
function readAdvanceWidths(view, offset, numberOfHMetrics, numberOfGlyphs) {
  const advanceWidths = new Uint16Array(numberOfGlyphs);
  let lastAdvance = 0;
  for (let glyphId = 0; glyphId < numberOfGlyphs; glyphId++) {
    if (glyphId < numberOfHMetrics) lastAdvance = view.getUint16(offset + glyphId * 4);
    advanceWidths[glyphId] = lastAdvance;
  }
  return advanceWidths;
}

/**
 * cmap: prefers the full-repertoire Windows subtable (format 12), then the BMP one (format 4), then any
 * Unicode-platform subtable in either format. Returns code point -> glyph id, glyph 0 (.notdef) omitted.
 */
function readCharacterMap(view, offset) {
  const numberOfSubtables = view.getUint16(offset + 2);
  const subtables = [];
  for (let index = 0; index < numberOfSubtables; index++) {
    const recordOffset = offset + 4 + index * 8;
    const platformId = view.getUint16(recordOffset);
    const encodingId = view.getUint16(recordOffset + 2);
    const subtableOffset = offset + view.getUint32(recordOffset + 4);
    const format = view.getUint16(subtableOffset);
    const isUnicode = platformId === 0 || (platformId === 3 && (encodingId === 1 || encodingId === 10));
    if (isUnicode && (format === 4 || format === 12)) {
      subtables.push({ platformId, format, offset: subtableOffset });
    }
  }
  const rank = (subtable) => (subtable.format === 12 ? 0 : 2) + (subtable.platformId === 3 ? 0 : 1);
  subtables.sort((left, right) => rank(left) - rank(right));
  const chosen = subtables[0];
  if (chosen === undefined) fail('no Unicode cmap subtable in format 4 or 12');
  return chosen.format === 12 ? readCmapFormat12(view, chosen.offset) : readCmapFormat4(view, chosen.offset);
}

function readCmapFormat4(view, offset) {
  const segmentCount = view.getUint16(offset + 6) / 2;
  const endCodesOffset = offset + 14;
  const startCodesOffset = endCodesOffset + segmentCount * 2 + 2; // + reservedPad
  const idDeltasOffset = startCodesOffset + segmentCount * 2;
  const idRangeOffsetsOffset = idDeltasOffset + segmentCount * 2;
  const glyphIdByCodePoint = new Map();
  for (let segment = 0; segment < segmentCount; segment++) {
    const endCode = view.getUint16(endCodesOffset + segment * 2);
    const startCode = view.getUint16(startCodesOffset + segment * 2);
    const idDelta = view.getInt16(idDeltasOffset + segment * 2);
    const idRangeOffsetPosition = idRangeOffsetsOffset + segment * 2;
    const idRangeOffset = view.getUint16(idRangeOffsetPosition);
    for (let codePoint = startCode; codePoint <= endCode && codePoint !== 0xffff; codePoint++) {
      let glyphId;
      if (idRangeOffset === 0) {
        glyphId = (codePoint + idDelta) & 0xffff;
      } else {
        // idRangeOffset is relative to its own position in the idRangeOffset array (spec quirk).
        const glyphIdPosition = idRangeOffsetPosition + idRangeOffset + (codePoint - startCode) * 2;
        glyphId = view.getUint16(glyphIdPosition);
        if (glyphId !== 0) glyphId = (glyphId + idDelta) & 0xffff;
      }
      if (glyphId !== 0) glyphIdByCodePoint.set(codePoint, glyphId);
    }
  }
  return glyphIdByCodePoint;
}

function readCmapFormat12(view, offset) {
  const numberOfGroups = view.getUint32(offset + 12);
  const glyphIdByCodePoint = new Map();
  for (let group = 0; group < numberOfGroups; group++) {
    const groupOffset = offset + 16 + group * 12;
    const startCharCode = view.getUint32(groupOffset);
    const endCharCode = view.getUint32(groupOffset + 4);
    const startGlyphId = view.getUint32(groupOffset + 8);
    for (let codePoint = startCharCode; codePoint <= endCharCode; codePoint++) {
      const glyphId = startGlyphId + (codePoint - startCharCode);
      if (glyphId !== 0) glyphIdByCodePoint.set(codePoint, glyphId);
    }
  }
  return glyphIdByCodePoint;
}

/** name: nameID -> string, preferring Windows Unicode English records, else Macintosh Roman ones. */
function readNames(view, offset) {
  const count = view.getUint16(offset + 2);
  const storageOffset = offset + view.getUint16(offset + 4);
  const names = new Map();
  const priorities = new Map();
  for (let index = 0; index < count; index++) {
    const recordOffset = offset + 6 + index * 12;
    const platformId = view.getUint16(recordOffset);
    const encodingId = view.getUint16(recordOffset + 2);
    const languageId = view.getUint16(recordOffset + 4);
    const nameId = view.getUint16(recordOffset + 6);
    const length = view.getUint16(recordOffset + 8);
    const stringOffset = storageOffset + view.getUint16(recordOffset + 10);
    let priority;
    let value;
    if (platformId === 3 && (encodingId === 1 || encodingId === 10)) {
      priority = languageId === 0x0409 ? 0 : 1;
      value = '';
      for (let position = 0; position + 1 < length; position += 2) {
        value += String.fromCharCode(view.getUint16(stringOffset + position));
      }
    } else if (platformId === 1 && encodingId === 0) {
      priority = 2;
      value = '';
      // Only ASCII is expected in version strings; other Mac Roman bytes become '?'.
      for (let position = 0; position < length; position++) {
        const byte = view.getUint8(stringOffset + position);
        value += byte < 0x80 ? String.fromCharCode(byte) : '?';
      }
    } else {
      continue;
    }
    if (!priorities.has(nameId) || priority < priorities.get(nameId)) {
      priorities.set(nameId, priority);
      names.set(nameId, value.trim());
    }
  }
  return names;
}

/** "fonts-liberation 1:1.07.4-11" when dpkg owns the file, else undefined (not on Debian, copied font…). */
function findDebianPackage(path) {
  try {
    const owner = execFileSync('dpkg-query', ['-S', path], { encoding: 'utf8', stdio: 'pipe' });
    const packageName = owner.split(':')[0]?.trim();
    if (!packageName) return undefined;
    const status = execFileSync('dpkg-query', ['--status', packageName], { encoding: 'utf8', stdio: 'pipe' });
    const version = /^Version: (.+)$/m.exec(status)?.[1];
    if (version === undefined) return undefined;
    return `${packageName} ${version.trim()}`;
  } catch {
    return undefined;
  }
}

/**
 * The covered code points as runs of consecutive code points, "20-7e a0-17f …" (hex), plus one advance per
 * code point in run order; `synthesized` lists the spaces whose advance comes from `synthesizedSpaces`.
 */
function encodeAdvances(font) {
  const entries = [];
  const synthesized = [];
  for (const block of coveredBlocks) {
    for (let codePoint = block.first; codePoint <= block.last; codePoint++) {
      const glyphId = font.glyphIdByCodePoint.get(codePoint);
      if (glyphId !== undefined) {
        entries.push({ codePoint, advance: font.advanceWidths[glyphId] ?? 0 });
      } else if (synthesizedSpaces.has(codePoint)) {
        entries.push({ codePoint, advance: synthesizedSpaces.get(codePoint)(font) });
        synthesized.push(codePoint);
      }
    }
  }
  return {
    ranges: encodeRuns(entries.map((entry) => entry.codePoint)),
    advances: entries.map((entry) => entry.advance),
    synthesized,
  };
}

/** Ascending code points -> "first-last" runs (a lone code point stays single), space-separated, in hex. */
function encodeRuns(codePoints) {
  if (codePoints.length === 0) return '';
  const runs = [];
  let runStart = codePoints[0];
  for (let index = 1; index <= codePoints.length; index++) {
    const previous = codePoints[index - 1];
    const current = codePoints[index];
    if (current === previous + 1) continue;
    runs.push(runStart === previous ? hex(previous) : `${hex(runStart)}-${hex(previous)}`);
    runStart = current;
  }
  return runs.join(' ');
}

function advanceOf(font, character) {
  const glyphId = font.glyphIdByCodePoint.get(character.codePointAt(0));
  if (glyphId === undefined) fail(`${font.fileName} has no glyph for '${character}'`);
  return font.advanceWidths[glyphId] ?? 0;
}

function hex(codePoint) {
  return codePoint.toString(16);
}

function renderModule({ regular, bold }) {
  const regularTable = encodeAdvances(regular);
  const boldTable = encodeAdvances(bold);
  const describe = (font) => {
    const packageNote = font.debianPackage ? `, Debian package ${font.debianPackage}` : '';
    return [
      `//   ${font.path}`,
      `//     ${font.fullName}, ${font.version}${packageNote}`,
      `//     sha256 ${font.sha256}`,
    ];
  };
  const lines = [
    '// GENERATED FILE, do not edit by hand. Regenerate with:',
    '//   node scripts/generate-glyph-widths.mjs <LiberationSans-Regular.ttf> <LiberationSans-Bold.ttf>',
    '// from these font files:',
    ...describe(regular),
    ...describe(bold),
    '// Liberation Sans is metric-compatible with Arial (identical advance widths), the font Google uses for',
    '// result titles (20 px) and descriptions (14 px). Kerning is ignored: close enough for titles.',
    ...wrapComment(
      `Covered: the code points these blocks hold that the font maps: ${coveredBlocks
        .map((block) => block.name)
        .join(', ')}. Anything else is left to the runtime's fallback widths.`,
    ),
    ...(encodeRuns(regularTable.synthesized) === encodeRuns(boldTable.synthesized)
      ? describeSynthesized('Neither style has a glyph', regularTable)
      : [
          ...describeSynthesized('Regular has no glyph', regularTable),
          ...describeSynthesized('Bold has no glyph', boldTable),
        ]),
    '',
    '/** Advance widths of one style, in font units, for runs of consecutive code points. */',
    'export interface GlyphAdvanceTable {',
    '  /** Space-separated hexadecimal runs, `first-last` or a single code point, in ascending order. */',
    '  ranges: string;',
    '  /** One advance per code point of `ranges`, in the same order. */',
    '  advances: readonly number[];',
    '}',
    '',
    '/** Font units per em: an advance in pixels is `advance * fontSize / arialUnitsPerEm`. */',
    `export const arialUnitsPerEm = ${regular.unitsPerEm};`,
    '',
    ...renderTable('arialRegularAdvances', `${regular.fullName} (Arial regular)`, regularTable),
    '',
    ...renderTable('arialBoldAdvances', `${bold.fullName} (Arial bold)`, boldTable),
  ];
  return `${lines.join('\n')}\n`;
}

function describeSynthesized(missingGlyphs, table) {
  if (table.synthesized.length === 0) return [];
  return wrapComment(
    `${missingGlyphs} for the spaces ${encodeRuns(table.synthesized)} (hex): their advances follow ` +
      "HarfBuzz's space fallback (the font's own space glyph, advance from the em, a digit, '.' or half a " +
      'space), which is how Chrome draws them.',
  );
}

function wrapComment(text) {
  const lines = [];
  let line = '//';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 110) {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

function renderTable(constantName, description, { ranges, advances }) {
  return [
    `/** ${description}: ${advances.length} code points. */`,
    `export const ${constantName}: GlyphAdvanceTable = {`,
    ...wrapStringProperty('ranges', ranges),
    '  advances: [',
    ...wrapNumbers(advances, '    '),
    '  ],',
    '};',
  ];
}

// Wrapping the ranges string in concatenated chunks keeps lines under biome's 110 columns without a
// formatter pass; the runtime reads the joined string.
function wrapStringProperty(name, value) {
  const chunks = [];
  let chunk = '';
  for (const run of value.split(' ')) {
    const candidate = chunk === '' ? run : `${chunk} ${run}`;
    if (candidate.length > 96 && chunk !== '') {
      chunks.push(`${chunk} `);
      chunk = run;
    } else {
      chunk = candidate;
    }
  }
  chunks.push(chunk);
  if (chunks.length === 1) return [`  ${name}: '${chunks[0]}',`];
  return [
    `  ${name}:`,
    ...chunks.map((part, index) => `    '${part}'${index === chunks.length - 1 ? ',' : ' +'}`),
  ];
}

// Numbers filled line by line, the way biome lays out number arrays, so the output passes `biome check`.
function wrapNumbers(numbers, indent) {
  const lines = [];
  let line = '';
  for (const number of numbers) {
    const item = `${number},`;
    const candidate = line === '' ? item : `${line} ${item}`;
    if (indent.length + candidate.length > 110) {
      lines.push(`${indent}${line}`);
      line = item;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(`${indent}${line}`);
  return lines;
}

function fail(message) {
  process.stderr.write(`generate-glyph-widths: ${message}\n`);
  process.exit(1);
}
