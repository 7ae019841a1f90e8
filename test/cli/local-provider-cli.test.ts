import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

// node-llama-cpp is an optional peer dependency: `npm ci` leaves it out, and `--provider local` says
// how to add it. Where it is installed, this test is skipped (test/llm/local-model.test.ts drives it).

const installed = (() => {
  try {
    return existsSync(createRequire(import.meta.url).resolve('node-llama-cpp'));
  } catch {
    return false;
  }
})();

const ARTICLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'plume-local-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.skipIf(installed)('plume optimize --provider local without node-llama-cpp', () => {
  it('says in one French line how to install it, exit 2, nothing written', async () => {
    const model = join(directory, 'tiny.gguf');
    // The GGUF magic: the file check passes, so the missing package is what is reported.
    writeFileSync(model, Buffer.concat([Buffer.from('GGUF', 'latin1'), Buffer.alloc(20)]));
    const output = join(directory, 'out');
    const run = await runPlume(
      ['optimize', ARTICLE, '--provider', 'local', '--model-path', model, '-o', output],
      {
        env: { PLUME_PROVIDER: undefined, PLUME_MODEL: undefined },
      },
    );
    expect(run.code).toBe(2);
    // The package is imported at the first model call, after the progress lines: the message ends stderr.
    expect(run.stderr.split('\n').at(-2)).toBe(
      'plume: le fournisseur local a besoin de node-llama-cpp, qui n’est pas installé (dépendance facultative, environ 720 Mo) : installez-le avec npm i -E node-llama-cpp@3.21.1',
    );
    expect(run.stderr).not.toMatch(/erreur interne|at .*\.js:\d+/);
    expect(existsSync(output) ? readdirSync(output) : []).toEqual([]);
  });
});
