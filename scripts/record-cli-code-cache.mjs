// Records V8's code cache of dist/bin/cli.cjs for one command (see src/cli/load-cli-script.ts): runs
// that command in the script, on the example, then asks V8 for the bytecode of every function it
// compiled. `node scripts/record-cli-code-cache.mjs <audit|optimize|other>`, one process per cache (a
// cache holds everything its process compiled); run by scripts/bundle-cli.mjs right after the build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { CODE_CACHE_NAMES, loadCliScript } from '../dist/cli/load-cli-script.js';
import { codeCacheFileOf, recordedCodeCache } from '../dist/io/code-cached-script.js';

const name = process.argv[2];
if (!CODE_CACHE_NAMES.includes(name))
  throw new Error(`usage: record-cli-code-cache.mjs <${CODE_CACHE_NAMES.join('|')}>`);
const file = resolve('dist/bin/cli.cjs');
// Without a cache: what V8 records is then what this command compiles, and nothing else.
const { exports, script, buildId } = loadCliScript(file);
if (buildId === undefined) throw new Error(`${file}: no build id, run scripts/bundle-cli.mjs`);

const output = mkdtempSync(join(tmpdir(), 'plume-code-cache-'));
const runs = {
  audit: [['audit', 'examples/talents-ia.txt']],
  optimize: [['optimize', 'examples/talents-ia.txt', '-o', output]],
  other: [['--version'], ['--help']],
}[name];
try {
  for (const argv of runs) {
    let written = '';
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        written += chunk;
        callback();
      },
    });
    const code = await exports.runCli(argv, {
      stdout: sink,
      stderr: sink,
      stdin: Readable.from([]),
      env: {},
    });
    if (code !== 0) throw new Error(`plume ${argv.join(' ')} → exit ${code}\n${written}`);
  }
} finally {
  rmSync(output, { recursive: true, force: true });
}
writeFileSync(codeCacheFileOf(file, name), recordedCodeCache(script, buildId));
