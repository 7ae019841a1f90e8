import { type CodeCachedScript, loadCodeCachedScript } from '../io/code-cached-script.js';
import type { CliStreams } from './cli-context.js';

/**
 * `plume` runs the CLI as one classic script, dist/bin/cli.cjs, with a V8 code cache per command (see
 * src/io/code-cached-script.ts): V8 reads a cache whole, and `plume audit` would pay for the bytecode
 * of `optimize`.
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

/** The cache a command line starts with: its command's (the first word that is not an option). */
export function codeCacheNameOf(argv: readonly string[]): CodeCacheName {
  const command = argv.find((argument) => !argument.startsWith('-'));
  return CODE_CACHE_COMMANDS.find((name) => name === command) ?? 'other';
}

/** Compiles and runs dist/bin/cli.cjs (`file`, absolute) with the named code cache when usable. */
export function loadCliScript(file: string, cacheName?: CodeCacheName): CodeCachedScript<CliScriptExports> {
  return loadCodeCachedScript<CliScriptExports>(file, cacheName);
}
