import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type { CliStreams } from './cli-context.js';

/**
 * `plume` runs the CLI as one classic script, dist/bin/cli.cjs, compiled with a V8 code cache the build
 * recorded beside it after running the command in it (scripts/record-cli-code-cache.mjs). V8 then
 * starts from the bytecode of every function that command ran instead of parsing and compiling 2 MB of
 * JavaScript. Node 20 has no code cache for ES modules, and Node 22's compile cache keeps only what is
 * compiled before a module runs, so the CLI is a script. One cache per command: V8 reads a cache whole,
 * and `plume audit` would pay for the bytecode of `optimize`. A cache V8 does not accept (another Node,
 * other V8 flags, another build) is not used: the CLI is then compiled from source, as slow as before
 * and otherwise the same.
 */
export const CLI_SCRIPT = 'cli.cjs';

/** The commands with a cache of their own; every other command (and --help, --version) uses `other`. */
export const CODE_CACHE_COMMANDS = ['audit', 'optimize'] as const;
export type CodeCacheName = (typeof CODE_CACHE_COMMANDS)[number] | 'other';
export const CODE_CACHE_NAMES: readonly CodeCacheName[] = [...CODE_CACHE_COMMANDS, 'other'];

/** What dist/bin/cli.cjs exports (src/cli/cli-script.ts). */
export interface CliScriptExports {
  startCli(): Promise<void>;
  runCli(argv: readonly string[], streams: CliStreams): Promise<number>;
}

export interface LoadedCliScript {
  exports: CliScriptExports;
  /** The compiled script, to record its code cache after a run (scripts/record-cli-code-cache.mjs). */
  script: Script;
  /** The build's identity, the last line of the script (undefined: a script without one). */
  buildId: string | undefined;
  /** A code cache of this build and this Node was found and V8 accepted it. */
  cached: boolean;
}

/**
 * The script's `import()` calls, rewritten by the build (scripts/prepare-cli-script.mjs): a script of
 * node:vm cannot import on Node 20 without an experimental flag, and loses that ability with a code
 * cache. This module, an ES module, imports for it.
 */
export const IMPORT_PARAMETER = '__plumeImport';

/** The script's last line names its build, so a cache is never used with another build's script. */
export const BUILD_ID_MARK = '//# plume-build=';

/** The cache a command line starts with: its command's (the first word that is not an option). */
export function codeCacheNameOf(argv: readonly string[]): CodeCacheName {
  const command = argv.find((argument) => !argument.startsWith('-'));
  return CODE_CACHE_COMMANDS.find((name) => name === command) ?? 'other';
}

export function codeCacheFileOf(scriptFile: string, name: CodeCacheName): string {
  return `${scriptFile}.${name}.code-cache`;
}

/**
 * V8 checks a code cache against the source's length only, and against its own version and flags;
 * this header (the build, Node's version, the architecture) keeps a cache from ever meeting another
 * build's script of the same length, and spares V8 a cache another Node made.
 */
export function codeCacheHeader(buildId: string): string {
  return `plume-code-cache ${buildId} ${process.version} ${process.arch}\n`;
}

export function buildIdOf(source: string): string | undefined {
  const mark = source.lastIndexOf(BUILD_ID_MARK);
  if (mark === -1) return undefined;
  return /^[0-9a-f]+/u.exec(source.slice(mark + BUILD_ID_MARK.length))?.[0];
}

/**
 * Compiles and runs the CLI script at `file` (absolute), with the named code cache when usable
 * (none: compiled from source, as when the build records a cache).
 */
export function loadCliScript(file: string, cacheName?: CodeCacheName): LoadedCliScript {
  // ASCII (scripts/prepare-cli-script.mjs): Latin-1 reads it as it is, without Node's slow UTF-8 decoding.
  const source = readFileSync(file, 'latin1');
  const buildId = buildIdOf(source);
  const cachedData =
    buildId === undefined || cacheName === undefined
      ? undefined
      : readCodeCache(codeCacheFileOf(file, cacheName), buildId);
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, ${IMPORT_PARAMETER}) {${source}\n})`,
    { filename: file, ...(cachedData === undefined ? {} : { cachedData }) },
  );
  const module = { exports: {} as CliScriptExports };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const importModule = (specifier: string) => import(specifier);
  wrapper(module.exports, createRequire(file), module, file, dirname(file), importModule);
  return {
    exports: module.exports,
    script,
    buildId,
    cached: cachedData !== undefined && script.cachedDataRejected === false,
  };
}

function readCodeCache(path: string, buildId: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return undefined; // No cache (a build that could not record one): compiled from source.
  }
  const header = Buffer.from(codeCacheHeader(buildId), 'latin1');
  if (data.length <= header.length || !data.subarray(0, header.length).equals(header)) return undefined;
  return data.subarray(header.length);
}
