import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a bundled classic script (dist/bin/cli.cjs, dist/bin/worker.cjs) with a V8 code cache the build
 * recorded beside it after running typical work in it (scripts/record-cli-code-cache.mjs,
 * scripts/record-worker-code-cache.mjs). V8 then starts
 * from the bytecode of every function that work ran instead of parsing and compiling megabytes of
 * JavaScript. Node 20 has no code cache for ES modules, and Node 22's compile cache keeps only what is
 * compiled before a module runs: hence classic scripts. A cache V8 does not accept (another Node, other
 * V8 flags, another build) is not used: the script is then compiled from source, slower to start and
 * otherwise the same.
 */
export interface CodeCachedScript<Exports> {
  exports: Exports;
  /** The compiled script, to record its code cache after a run. */
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

/** Where the cache named `name` of a script is kept: beside it. */
export function codeCacheFileOf(scriptFile: string, name: string): string {
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
 * Compiles and runs the script at `file` (absolute) as a CommonJS module, with the named code cache when
 * usable (no name: compiled from source, as when the build records a cache).
 */
export function loadCodeCachedScript<Exports>(file: string, cacheName?: string): CodeCachedScript<Exports> {
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
  const module = { exports: {} as Exports };
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

/** The code cache `script` holds now, with its header: what the build writes to `codeCacheFileOf`. */
export function recordedCodeCache(script: Script, buildId: string): Buffer {
  return Buffer.concat([Buffer.from(codeCacheHeader(buildId), 'latin1'), script.createCachedData()]);
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
