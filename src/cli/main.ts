#!/usr/bin/env node
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { CLI_SCRIPT, codeCacheNameOf, loadCliScript } from './load-cli-script.js';

// Node 22.1+ can keep V8's compiled code of the modules Plume loads from node_modules (LLM clients,
// the queue) and of the batch's worker threads between runs (in its default folder under the system's
// temporary directory, never the user's folder). Feature-detected: Node 20 runs without it. The CLI
// itself brings its own code cache (see load-cli-script.ts).
const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
try {
  enableCompileCache?.();
} catch {
  // No cache: Plume starts as on Node 20.
}
const commandLine = process.argv.slice(2);
if (commandLine.length === 1 && (commandLine[0] === '--version' || commandLine[0] === '-v')) {
  // Answered here, as the CLI would (run-cli.ts): reading the whole CLI and its code cache for one line
  // took 60 ms more.
  process.stdout.write(`${VERSION}\n`);
} else {
  const script = fileURLToPath(new URL(CLI_SCRIPT, import.meta.url));
  // No top-level await: the bundle is CommonJS (scripts/bundle-cli.mjs). A failure still ends the process
  // with its error, as an unhandled rejection.
  void loadCliScript(script, codeCacheNameOf(commandLine)).exports.startCli();
}
