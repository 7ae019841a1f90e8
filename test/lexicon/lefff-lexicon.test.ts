import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedClassLexicon, isLinkingWord } from '../../src/lang/fr/lexicon.js';
import {
  createLefffLexicon,
  defaultLefffPath,
  isNumberForm,
  LEFFF_WINDOW_SIZE,
} from '../../src/lexicon/lefff-lexicon.js';

const lexicon = createLefffLexicon();

describe('createLefffLexicon', () => {
  it.each([
    ['recruteurs', 'noun'],
    ['affirment', 'finite-verb'],
    ['lancer', 'infinitive'],
    ['lancé', 'past-participle'],
    ['petites', 'adjective'],
    ['pénurie', 'noun'],
    ['aux', 'preposition'],
    ['les', 'determiner'],
    ['a', 'auxiliary'],
    ['Les', 'determiner'],
    ['d’expertise', 'noun'],
  ] as const)('« %s » can be a %s', (word, part) => {
    const lookup = word === 'd’expertise' ? 'expertise' : word;
    expect([...lexicon.partsOfSpeech(lookup)]).toContain(part);
  });

  it('knows nothing of a name it does not list', () => {
    expect(lexicon.partsOfSpeech('Suleyman').size).toBe(0);
  });

  it('tells the linking words that cannot end a heading', () => {
    expect(isLinkingWord(lexicon, 'les')).toBe(true);
    expect(isLinkingWord(lexicon, 'aux')).toBe(true);
    expect(isLinkingWord(lexicon, 'talents')).toBe(false);
    expect(isLinkingWord(closedClassLexicon, 'talents')).toBe(false);
  });

  it('reads nothing before the first lookup', () => {
    expect(() => createLefffLexicon('/nonexistent/lefff.mlex')).not.toThrow();
  });
});

describe('createLefffLexicon on a small sorted file (the search by byte offsets)', () => {
  // Forms that are prefixes of each other, several lines per form, and the first and last lines of
  // the file: the edges a bisection over bytes gets wrong.
  const lines = [
    'a\tv\tavoir\tP3s',
    'a\tprep\tà\t',
    'ab\tnc\tab\tms',
    'abc\tadj\tabc\tms',
    'abc\tnc\tabc\tms',
    'abcd\tadv\tabcd\t',
    'b\tnc\tb\tms',
    'bateau\tnc\tbateau\tms',
    'bateaux\tnc\tbateau\tmp',
    'zèbre\tnc\tzèbre\tms',
  ];
  const directory = mkdtempSync(join(tmpdir(), 'plume-lefff-'));
  const path = join(directory, 'small.mlex');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const small = createLefffLexicon(path);
  const withoutFinalNewline = join(directory, 'no-final-newline.mlex');
  writeFileSync(withoutFinalNewline, lines.join('\n'));
  const unterminated = createLefffLexicon(withoutFinalNewline);

  it.each([
    ['a', ['finite-verb', 'preposition']],
    ['ab', ['noun']],
    ['abc', ['adjective', 'noun']],
    ['abcd', ['adverb']],
    ['b', ['noun']],
    ['bateau', ['noun']],
    ['bateaux', ['noun']],
    ['zèbre', ['noun']],
    ['aa', []],
    ['abce', []],
    ['bat', []],
    ['zz', []],
    ['0', []],
  ] as const)('« %s » reads %j', (word, parts) => {
    // « a » and « à » are closed-class words too: compare only the open-class readings of the file.
    const open = (lexicon: typeof small) =>
      [...lexicon.partsOfSpeech(word)].filter((part) => !closedClassLexicon.partsOfSpeech(word).has(part));
    const expected = parts.filter((part) => !closedClassLexicon.partsOfSpeech(word).has(part));
    expect(open(small).sort()).toEqual([...expected].sort());
    expect(open(unterminated).sort()).toEqual([...expected].sort());
  });
});

describe('createLefffLexicon on files its windows do not fit', () => {
  const directory = mkdtempSync(join(tmpdir(), 'plume-lefff-'));
  // Lines longer than a window (a file given in the Lefff's place may have them).
  const longForm = 'b'.repeat(LEFFF_WINDOW_SIZE * 2);
  const longLines = join(directory, 'long-lines.mlex');
  writeFileSync(
    longLines,
    [
      'aa\tnc\taa\tms',
      `${longForm}\tnc\tb\tms`,
      `c\tadj\tc\t${'x'.repeat(LEFFF_WINDOW_SIZE)}`,
      'd\tadv\td\t',
      '',
    ].join('\n'),
  );
  // Many short lines: the bisection keeps its upper probes, then reads the rest of a search at once.
  const manyLines = join(directory, 'many-lines.mlex');
  const forms = Array.from({ length: 20_000 }, (_, index) => `m${String(index).padStart(5, '0')}`);
  writeFileSync(
    manyLines,
    `${forms.map((form, index) => `${form}\t${index % 2 ? 'nc' : 'adv'}\t${form}\t`).join('\n')}\n`,
  );

  it.each([
    ['aa', longLines, ['noun']],
    [longForm, longLines, ['noun']],
    ['b', longLines, []],
    ['c', longLines, ['adjective']],
    ['d', longLines, ['adverb']],
    ['e', longLines, []],
    ['m00000', manyLines, ['adverb']],
    ['m00001', manyLines, ['noun']],
    ['m12345', manyLines, ['noun']],
    ['m19999', manyLines, ['noun']],
    ['m1234', manyLines, []],
    ['m20000', manyLines, []],
    ['l', manyLines, []],
  ] as const)('« %.20s » reads %j', (word, path, parts) => {
    expect([...createLefffLexicon(path).partsOfSpeech(word)].sort()).toEqual([...parts].sort());
  });

  it('finds every form of a file of 20,000 lines, with one lexicon', () => {
    const lexicon = createLefffLexicon(manyLines);
    const missed = forms.filter(
      (form, index) => !lexicon.partsOfSpeech(form).has(index % 2 ? 'noun' : 'adverb'),
    );
    expect(missed).toEqual([]);
  });
});

/** The test's own reading of a Lefff line's category, as the lexicon maps it (see toPartOfSpeech). */
function partOfLine(category: string, features: string): string | null {
  const verb = features.startsWith('W')
    ? 'infinitive'
    : features.startsWith('K')
      ? 'past-participle'
      : features.startsWith('G')
        ? 'present-participle'
        : 'finite-verb';
  const parts: Record<string, string> = {
    nc: 'noun',
    np: 'proper-noun',
    adj: 'adjective',
    v: verb,
    auxAvoir: 'auxiliary',
    auxEtre: 'auxiliary',
    adv: 'adverb',
    advneg: 'adverb',
    det: 'determiner',
    prep: 'preposition',
    coo: 'conjunction',
    csu: 'subordinator',
    que: 'subordinator',
  };
  const pronouns = ['pro', 'cln', 'cla', 'cld', 'clr', 'cll', 'clg', 'prel', 'pri', 'ce', 'ilimp'];
  return parts[category] ?? (pronouns.includes(category) ? 'pronoun' : null);
}

describe('createLefffLexicon reads the Lefff in windows as a whole read would', () => {
  // Read whole here: each form's lines. The forms compared are those of the lines that cross a multiple
  // of 4 KB (a search may read them in two reads), and every 5,000th line's.
  const bytes = readFileSync(defaultLefffPath());
  const fresh = createLefffLexicon();
  const sampled = new Set<string>();
  const readings = new Map<string, Set<string>>();
  let lineStart = 0;
  let lineNumber = 0;
  while (lineStart < bytes.length) {
    let end = bytes.indexOf(10, lineStart);
    if (end < 0) end = bytes.length;
    const [form = '', category = '', , features = ''] = bytes.toString('utf8', lineStart, end).split('\t');
    const crosses = Math.floor(lineStart / 4096) !== Math.floor(end / 4096);
    if (crosses || lineNumber % 5000 === 0) sampled.add(form);
    const part = partOfLine(category, features);
    if (part !== null) {
      const parts = readings.get(form) ?? new Set<string>();
      parts.add(part);
      readings.set(form, parts);
    }
    lineStart = end + 1;
    lineNumber += 1;
  }

  it('has no form that reads as a number, so numbers are not searched', () => {
    expect([...readings.keys()].filter(isNumberForm)).toEqual([]);
    expect(readings.has('4x4')).toBe(true);
    expect(['2024', '4,5', '100 %', '20€', '4x4', 'IA', ''].map(isNumberForm)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('finds each form’s readings, whichever windows its lines are in', () => {
    const open = (form: string, parts: Iterable<string>) =>
      [...parts].filter((part) => !closedClassLexicon.partsOfSpeech(form).has(part as never)).sort();
    let withReadings = 0;
    for (const form of sampled) {
      // The lexicon also reads a capitalised form in lower case: compare forms that are lower case.
      if (form !== form.toLowerCase()) continue;
      const expected = open(form, readings.get(form) ?? []);
      expect(open(form, fresh.partsOfSpeech(form)), form).toEqual(expected);
      if (expected.length > 0) withReadings += 1;
    }
    expect(withReadings).toBeGreaterThan(2000);
  });
});
