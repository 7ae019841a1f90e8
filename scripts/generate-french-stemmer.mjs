#!/usr/bin/env node
// Generates src/lang/fr/french-stemmer.ts from the official French Snowball algorithm, with Snowball's own
// compiler and JavaScript runtime, so Plume stems with the reference algorithm without bundling every language
// (the `snowball-stemmers` package: 739 KB, a Java port reading every field through a getter).
// Optionally also writes the word-by-word test fixture from Snowball's French test vocabulary.
//
// Usage:
//   git clone https://github.com/snowballstem/snowball && make -C snowball snowball   # gcc
//   git clone https://github.com/snowballstem/snowball-data
//   node scripts/generate-french-stemmer.mjs path/to/snowball [--data path/to/snowball-data] [--output file.ts]
//
// The compiler emits an ES class extending `base-stemmer.js`; both are pasted into one TypeScript module
// (type-checking off: it is generated JavaScript) that exports a single typed function.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArguments(argv) {
  const options = {
    snowball: undefined,
    data: undefined,
    output: resolve(repositoryRoot, 'src/lang/fr/french-stemmer.ts'),
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--data') options.data = resolve(argv[++index]);
    else if (argument === '--output') options.output = resolve(argv[++index]);
    else if (options.snowball === undefined) options.snowball = resolve(argument);
    else throw new Error(`unexpected argument: ${argument}`);
  }
  if (options.snowball === undefined) {
    throw new Error('usage: generate-french-stemmer.mjs path/to/snowball [--data path/to/snowball-data]');
  }
  return options;
}

function git(directory, ...args) {
  try {
    return execFileSync('git', ['-C', directory, ...args], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function compile(snowball) {
  const compiler = join(snowball, 'snowball');
  if (!existsSync(compiler)) execFileSync('make', ['-C', snowball, 'snowball'], { stdio: 'inherit' });
  const work = mkdtempSync(join(tmpdir(), 'plume-snowball-'));
  try {
    execFileSync(compiler, [
      join(snowball, 'algorithms/french.sbl'),
      '-js',
      '-o',
      join(work, 'french-stemmer'),
    ]);
    return readFileSync(join(work, 'french-stemmer.js'), 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function licenceComment(snowball) {
  const licence = readFileSync(join(snowball, 'COPYING'), 'utf8').trim();
  return licence
    .split('\n')
    .map((line) => (line ? `// ${line}` : '//'))
    .join('\n');
}

/** The runtime's slice check: four console.assert calls at every slice (3 % of an audit with cold memos). */
const SLICE_CHECK = `        console.assert(this.bra >= 0);
        console.assert(this.bra <= this.ket);
        console.assert(this.ket <= this.limit);
        console.assert(this.limit <= this.current.length);
`;
/** The same check, console.assert called only when a condition fails: the same output, no call otherwise. */
const GUARDED_SLICE_CHECK = `        // Plume: console.assert only when a condition fails (calling it costs at every slice; same output).
        if (this.bra < 0 || this.bra > this.ket || this.ket > this.limit || this.limit > this.current.length) {
            console.assert(this.bra >= 0);
            console.assert(this.bra <= this.ket);
            console.assert(this.ket <= this.limit);
            console.assert(this.limit <= this.current.length);
        }
`;

function generate(snowball) {
  const generated = compile(snowball);
  const runtime = readFileSync(join(snowball, 'javascript/base-stemmer.js'), 'utf8');
  const versionLine = generated.split('\n')[0]; // « // Generated from french.sbl by Snowball X.Y.Z - … »
  const base = runtime
    .replace('// @ts-check\n', '')
    .replace('export default class BaseStemmer', 'class BaseStemmer')
    .replace(SLICE_CHECK, GUARDED_SLICE_CHECK);
  if (base === runtime || !base.includes('class BaseStemmer {') || !base.includes(GUARDED_SLICE_CHECK))
    throw new Error('unexpected base-stemmer.js');
  const french = generated
    .replace(/^\/\/ Generated from .*\n/, '')
    .replace(/^\/\/ deno-lint-ignore-file.*\n/m, '')
    .replace("import B from './base-stemmer.js'\n", '')
    .replace('export default class extends B {', 'class FrenchStemmer extends BaseStemmer {');
  if (!french.includes('class FrenchStemmer extends BaseStemmer {') || french.includes('import ')) {
    throw new Error('unexpected output from the Snowball compiler');
  }
  const commit = git(snowball, 'rev-parse', 'HEAD');
  return `// @ts-nocheck — generated JavaScript from Snowball's compiler; the export at the end is typed.
// GENERATED by scripts/generate-french-stemmer.mjs: do not edit. Regenerate with
//   node scripts/generate-french-stemmer.mjs path/to/snowball
// ${versionLine.replace(/^\/\/ /, '')}
// Sources: snowballstem/snowball commit ${commit}, algorithms/french.sbl and javascript/base-stemmer.js.
//
// Snowball's licence (BSD 3-clause), kept as its clause 1 requires:
//
${licenceComment(snowball)}

${base.trim()}

${french.trim()}

const stemmer = new FrenchStemmer();

/** The French Snowball stem of a lowercase word (« recrutements » -> « recrut »). */
export function snowballFrenchStem(word: string): string {
  return stemmer.stem(word);
}
`;
}

/**
 * The fixture: one « word stem » line per test word, the stem written as the number of letters cut from the
 * end of the word when it is a prefix of it (most are), so that 21,655 pairs fit in about 75 KB gzipped.
 */
function writeFixture(data) {
  const words = readFileSync(join(data, 'french/voc.txt'), 'utf8').split('\n').filter(Boolean);
  const stems = readFileSync(join(data, 'french/output.txt'), 'utf8').split('\n').filter(Boolean);
  if (words.length !== stems.length) throw new Error('voc.txt and output.txt differ in length');
  const lines = words.map((word, index) => {
    const stem = stems[index];
    return word.startsWith(stem) ? `${word} ${word.length - stem.length}` : `${word} ${stem}`;
  });
  const directory = resolve(repositoryRoot, 'test/fixtures/snowball-french');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'vocabulary.txt.gz'), gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  writeFileSync(join(directory, 'COPYING'), readFileSync(join(data, 'french/COPYING'), 'utf8'));
  const commit = git(data, 'rev-parse', 'HEAD');
  console.log(
    `wrote ${relative(repositoryRoot, directory)}: ${words.length} words (snowball-data ${commit})`,
  );
}

const options = parseArguments(process.argv.slice(2));
writeFileSync(options.output, generate(options.snowball));
console.log(`wrote ${relative(repositoryRoot, options.output)}`);
if (options.data !== undefined) writeFixture(options.data);
