import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CODE_CACHE_NAMES,
  type CodeCacheName,
  codeCacheNameOf,
  loadCliScript,
} from '../../src/cli/load-cli-script.js';
import { buildIdOf, codeCacheFileOf, codeCacheHeader } from '../../src/io/code-cached-script.js';
import { PLUME_BIN, runPlume } from '../helpers/run-plume.js';

const folder = mkdtempSync(join(tmpdir(), 'plume-cli-script-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A stand-in for dist/bin/cli.cjs: same shape (CommonJS body, build id on the last line). */
function writeScript(name: string, buildId: string): string {
  const file = join(folder, name);
  writeFileSync(
    file,
    [
      'const { basename } = require("node:path");',
      'exports.runCli = async (argv) => argv.length;',
      'exports.startCli = async () => {};',
      'exports.where = () => [basename(__filename), basename(__dirname)].join(" ");',
      'exports.square = (n) => n * n;',
      `//# plume-build=${buildId}`,
      '',
    ].join('\n'),
    'latin1',
  );
  return file;
}

/** Runs the script once, then records its code cache as scripts/record-cli-code-cache.mjs does. */
function recordCache(file: string, header: string, name: CodeCacheName = 'audit'): void {
  const { exports, script } = loadCliScript(file);
  (exports as unknown as { square(n: number): number }).square(3);
  writeFileSync(
    codeCacheFileOf(file, name),
    Buffer.concat([Buffer.from(header, 'latin1'), script.createCachedData()]),
  );
}

describe('the CLI script and its code cache', () => {
  it('reads the build id on the script’s last mark', () => {
    expect(buildIdOf('x\n//# plume-build=00ff12\n')).toBe('00ff12');
    expect(buildIdOf('//# plume-build=aa\n//# plume-build=bb\n')).toBe('bb');
    expect(buildIdOf('module.exports = {};\n')).toBeUndefined();
  });

  it.each([
    [['audit', 'article.md'], 'audit'],
    [['optimize', '-', '-o', 'out'], 'optimize'],
    [['--version'], 'other'],
    [['-h'], 'other'],
    [[], 'other'],
    [['batch', 'articles/'], 'other'],
    [['serve', '--port', '8080'], 'other'],
    [['auditer'], 'other'],
  ])('starts %j with the %s cache', (argv, name) => {
    expect(codeCacheNameOf(argv)).toBe(name);
  });

  it('runs the script without a cache, as a CommonJS module of its folder', async () => {
    const file = writeScript('alone.cjs', 'a1');
    const loaded = loadCliScript(file);
    expect(loaded.cached).toBe(false);
    expect(loaded.buildId).toBe('a1');
    expect(await loaded.exports.runCli(['audit', 'x.txt'], {} as never)).toBe(2);
    expect((loaded.exports as unknown as { where(): string }).where()).toBe(
      `alone.cjs ${folder.split(/[\\/]/u).pop()}`,
    );
  });

  it('gives V8 the cache its build recorded, and V8 takes it', () => {
    const file = writeScript('cached.cjs', 'b2');
    recordCache(file, codeCacheHeader('b2'));
    const loaded = loadCliScript(file, 'audit');
    expect(loaded.cached).toBe(true);
    // Another command's cache is another file: absent here.
    expect(loadCliScript(file, 'optimize').cached).toBe(false);
    // The build records a cache from source.
    expect(loadCliScript(file).cached).toBe(false);
    expect((loaded.exports as unknown as { square(n: number): number }).square(7)).toBe(49);
  });

  it('never gives V8 another build’s cache (V8 itself checks only the length)', () => {
    const file = writeScript('other.cjs', 'c3');
    recordCache(file, codeCacheHeader('c3'));
    // Same length, another build: the header no longer matches.
    writeScript('other.cjs', 'c4');
    const loaded = loadCliScript(file, 'audit');
    expect(loaded.cached).toBe(false);
    expect(loaded.script.cachedDataRejected).toBeUndefined();
    expect((loaded.exports as unknown as { square(n: number): number }).square(5)).toBe(25);
  });

  it('runs from source when V8 refuses the cache (damaged, or another Node)', () => {
    const file = writeScript('damaged.cjs', 'd5');
    writeFileSync(
      codeCacheFileOf(file, 'other'),
      Buffer.concat([Buffer.from(codeCacheHeader('d5')), Buffer.alloc(4096, 7)]),
    );
    const loaded = loadCliScript(file, 'other');
    expect(loaded.script.cachedDataRejected).toBe(true);
    expect(loaded.cached).toBe(false);
    expect((loaded.exports as unknown as { square(n: number): number }).square(4)).toBe(16);
  });
});

describe('the built CLI script', () => {
  const script = fileURLToPath(new URL('../../dist/bin/cli.cjs', import.meta.url));
  const headerOf = (name: CodeCacheName) =>
    readFileSync(codeCacheFileOf(script, name)).subarray(0, 200).toString('latin1').split('\n')[0] ?? '';

  it('is ASCII, and each command’s cache belongs to it', () => {
    const bytes = readFileSync(script);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const buildId = buildIdOf(bytes.toString('latin1'));
    expect(buildId).toMatch(/^[0-9a-f]{16}$/u);
    for (const name of CODE_CACHE_NAMES)
      expect(headerOf(name)).toMatch(
        new RegExp(`^plume-code-cache ${buildId} v\\d+\\.\\d+\\.\\d+ \\w+$`, 'u'),
      );
  });

  it.each(CODE_CACHE_NAMES)(
    'has a %s cache for the Node that built it (CI’s second Node compiles from source)',
    (name) => {
      const loader = fileURLToPath(new URL('../../dist/cli/load-cli-script.js', import.meta.url));
      const child = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { loadCliScript } from ${JSON.stringify(loader)}; console.log(loadCliScript(${JSON.stringify(script)}, ${JSON.stringify(name)}).cached);`,
        ],
        { encoding: 'utf8' },
      );
      expect(child.stderr).toBe('');
      const builtHere = headerOf(name).endsWith(` ${process.version} ${process.arch}`);
      expect(child.stdout.trim()).toBe(String(builtHere));
    },
  );

  it('writes the same article with the cache and without it', async () => {
    const out = (name: string) => join(folder, name);
    const args = ['optimize', fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url))];
    const cached = await runPlume([...args, '-o', out('with'), '--date', '2024-03-25']);
    // Other V8 flags: V8 refuses the cache and the script is compiled from source.
    const fromSource = spawnSync(
      process.execPath,
      ['--no-opt', PLUME_BIN, ...args, '-o', out('without'), '--date', '2024-03-25'],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect([cached.code, fromSource.status]).toEqual([0, 0]);
    expect(fromSource.stdout).toBe(cached.stdout.replaceAll(out('with'), out('without')));
    for (const name of ['talents-ia.md', 'talents-ia.html', 'talents-ia.report.json'])
      expect(readFileSync(join(out('without'), name), 'utf8')).toBe(
        readFileSync(join(out('with'), name), 'utf8'),
      );
  });
});
