import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, run by Node as is (no declaration file).
import { functionLengths, listLongFunctions } from '../../scripts/list-long-functions.mjs';

interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

const SCRIPT = fileURLToPath(new URL('../../scripts/list-long-functions.mjs', import.meta.url));

/**
 * Functions allowed over 120 lines, each with its reason; remove the line when the reason is gone.
 * Data tables never count (they are literals, not functions).
 */
const ALLOWED_LONG: ReadonlyMap<string, string> = new Map([
  // Split by the helper "api" on its branch (api): routes into their own modules.
  ['src/server/create-app.ts createApp', 'being split on the api branch'],
]);

describe('no function over 120 lines (scripts/list-long-functions.mjs)', () => {
  it('src/ has no long function but the allowed ones', () => {
    const long = (listLongFunctions(['src'], 120) as LongFunction[])
      .map(({ file, name, lines }) => ({ key: `${file} ${name}`, lines }))
      .filter(({ key }) => !ALLOWED_LONG.has(key));
    expect(long).toEqual([]);
  });

  it('measures a function from its first to its last line, nested functions included', () => {
    const body = Array.from({ length: 5 }, (_, index) => `  const value${index} = ${index};`).join('\n');
    const code = [
      'export function outer(): number {',
      body,
      '  const inner = () => {',
      '    return 1;',
      '  };',
      '  return inner();',
      '}',
      'const table = {',
      '  a: 1,',
      '  b: 2,',
      '};',
      'class Box {',
      '  constructor() {}',
      '  get size(): number {',
      '    return 1;',
      '  }',
      '}',
    ].join('\n');
    expect(functionLengths(code)).toEqual([
      { name: 'outer', line: 1, lines: 11 },
      { name: 'inner', line: 7, lines: 3 },
      { name: 'constructor', line: 17, lines: 1 },
      { name: 'size', line: 18, lines: 3 },
    ]);
  });

  it('names callbacks by their callee', () => {
    expect(functionLengths('items.forEach((item) => {\n  use(item);\n});')).toEqual([
      { name: '(callback of items.forEach)', line: 1, lines: 3 },
    ]);
  });

  it('the script lists a long function and exits 1, or says there is none and exits 0', () => {
    const folder = mkdtempSync(join(tmpdir(), 'plume-long-functions-'));
    try {
      const body = Array.from({ length: 125 }, (_, index) => `  const value${index} = ${index};`);
      writeFileSync(join(folder, 'long.ts'), ['export function long(): void {', ...body, '}', ''].join('\n'));
      writeFileSync(join(folder, 'short.ts'), 'export const short = () => 1;\n');
      const long = spawnSync(process.execPath, [SCRIPT, folder], { encoding: 'utf8' });
      expect(long.status).toBe(1);
      expect(long.stdout).toMatch(/^127\t\S*long\.ts:1\tlong\n$/u);
      const fine = spawnSync(process.execPath, [SCRIPT, '--max', '200', folder], { encoding: 'utf8' });
      expect(fine.status).toBe(0);
      expect(fine.stdout).toBe('no function over 200 lines\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
