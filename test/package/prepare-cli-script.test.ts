import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { IMPORT_FUNCTION, prepareCliScript } from '../../scripts/prepare-cli-script.mjs';
import { IMPORT_PARAMETER } from '../../src/io/code-cached-script.js';

/** Evaluates a script whose last expression is an array of regular expressions. */
function regexesOf(script: string): RegExp[] {
  return runInNewContext(script) as RegExp[];
}

const PROBES = [
  '’',
  'ʼ',
  "l'été",
  'l’été',
  'é',
  'e\u0301',
  '😀',
  '😀😀',
  '\ud83d',
  '\ude00',
  'œuvre',
  'Æ',
  'àÿ',
  'ü',
  'a',
  '',
  'x😀y',
];

describe('prepareCliScript: an ASCII script (read as Latin-1)', () => {
  it.each([
    ['a class of apostrophes', '/[’ʼ]/g'],
    ['u flag, astral and accented letters in a class', '/[😀é]/u'],
    ['a range', '/[à-ÿ]+/u'],
    ['a range without the u flag', '/^[à-ÿœ]+$/i'],
    ['an astral character, quantified, without the u flag', '/😀+/'],
    ['an astral character, quantified, with the u flag', '/😀+/u'],
    ['a property escape beside a letter', '/\\p{L}é/gu'],
    ['a negated class', '/[^’\\s]+/gu'],
    ['the v flag', '/[\\p{L}--[é]]/v'],
  ])('keeps the meaning of %s', (_name, regex) => {
    const source = `// é, « guillemets »\n[${regex}]`;
    const escaped = prepareCliScript(source, 'test.cjs');
    expect(/^[\0-\x7f]*$/u.test(escaped)).toBe(true);
    const [before] = regexesOf(source);
    const [after] = regexesOf(escaped);
    if (!before || !after) throw new Error('no regex');
    expect(after.flags).toBe(before.flags);
    for (const probe of PROBES) {
      before.lastIndex = 0;
      after.lastIndex = 0;
      expect([probe, after.exec(probe)?.slice()]).toEqual([probe, before.exec(probe)?.slice()]);
    }
  });

  it('leaves ASCII scripts and escaped strings as they are', () => {
    const source = 'var a = "\\xE9";\nvar b = /[a-z]+/g;\n';
    expect(prepareCliScript(source, 'test.cjs')).toBe(source);
  });

  it.each([
    ['a string esbuild did not escape', 'var a = "é";'],
    ['a raw template (escaping changes its value)', 'var a = String.raw`é`;'],
    ['an escaped non-ASCII character in a regex', 'var a = /\\é/;'],
  ])('refuses %s, naming the line', (_name, line) => {
    expect(() => prepareCliScript(`var ok = 1;\n${line}\n`, 'cli.cjs')).toThrow(/^cli\.cjs:2: /u);
  });
});

describe('prepareCliScript: import() through the loader', () => {
  it('routes every import() to the wrapper’s parameter, arguments and all', async () => {
    const source = [
      'const lazy = () => import("linkedom");',
      'async function load(specifier) { return (await import(/* note */ specifier)).default; }',
      'const text = "import(not code)"; // import(nor this)',
      'return { lazy, load, text };',
    ].join('\n');
    const prepared = prepareCliScript(source, 'cli.cjs');
    expect(prepared).toContain(`const lazy = () => ${IMPORT_FUNCTION}("linkedom");`);
    expect(prepared).toContain(`(await ${IMPORT_FUNCTION}(/* note */ specifier))`);
    expect(prepared).toContain('"import(not code)"; // import(nor this)');
    const calls: string[] = [];
    const exports = runInNewContext(`(function (${IMPORT_FUNCTION}) {\n${prepared}\n})`)(
      async (specifier: string) => {
        calls.push(specifier);
        return { default: `module ${specifier}` };
      },
    ) as { lazy(): Promise<unknown>; load(specifier: string): Promise<unknown>; text: string };
    await exports.lazy();
    expect(await exports.load('node:path')).toBe('module node:path');
    expect(calls).toEqual(['linkedom', 'node:path']);
    expect(exports.text).toBe('import(not code)');
  });

  it('uses the parameter name the loader passes', () => {
    expect(IMPORT_FUNCTION).toBe(IMPORT_PARAMETER);
  });
});
