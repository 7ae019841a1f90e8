import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ArticleTask } from '../../src/batch/article-task.js';
import { tuneCompilerForWorkerThreads } from '../../src/batch/worker-compiler-flags.js';
import { WORKER_CODE_CACHE, WORKER_SCRIPT } from '../../src/batch/worker-script-files.js';
import { buildIdOf, codeCacheFileOf } from '../../src/io/code-cached-script.js';

const dist = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

const task: ArticleTask = {
  fileName: 'talents-ia.txt',
  text: readFileSync(fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url)), 'utf8'),
  options: { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false },
  defaultDate: '2024-03-25',
};

/** Starts a pool thread on `entry`, has it write the example as a batch article, and stops it. */
async function articleFrom(entry: string): Promise<{ markdown: string; html: string; reportJson: string }> {
  const worker = new Worker(entry);
  try {
    return await new Promise((done, fail) => {
      worker.on('error', fail);
      worker.on('message', (message) => {
        if (message?.ready) {
          // Not a job (no numeric id): a thread ignores it, as it ignores the build's recording message.
          worker.postMessage({ recordCodeCache: true });
          worker.postMessage({ id: 7, job: { kind: 'article', task } });
        } else if (message?.id === 7) {
          if ('error' in message) fail(new Error(JSON.stringify(message.error)));
          else done(message.outcome);
        }
      });
    });
  } finally {
    await worker.terminate();
  }
}

describe('the pool’s worker script and its code cache', () => {
  it('is ASCII, and its cache belongs to it', () => {
    const script = dist(`bin/${WORKER_SCRIPT}`);
    const bytes = readFileSync(script);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const buildId = buildIdOf(bytes.toString('latin1'));
    expect(buildId).toMatch(/^[0-9a-f]{16}$/u);
    const header = readFileSync(codeCacheFileOf(script, WORKER_CODE_CACHE))
      .subarray(0, 200)
      .toString('latin1');
    expect(header.split('\n')[0]).toMatch(
      new RegExp(`^plume-code-cache ${buildId} v\\d+\\.\\d+\\.\\d+ \\w+$`, 'u'),
    );
  });

  it('writes the same article as the ES modules (tsc’s entry, with no script beside it)', async () => {
    const [fromScript, fromModules] = await Promise.all([
      articleFrom(dist('bin/optimize-worker-thread.mjs')),
      articleFrom(dist('batch/optimize-worker-thread.js')),
    ]);
    expect(fromScript.markdown).toContain('# Talents en IA');
    expect(fromScript.markdown).toBe(fromModules.markdown);
    expect(fromScript.html).toBe(fromModules.html);
    expect(fromScript.reportJson).toBe(fromModules.reportJson);
  });

  it('is taken by a thread started under the pool’s compiler flags, as the build recorded it', async () => {
    // The flags the pool sets before its threads start (V8 refuses a cache recorded under other flags).
    tuneCompilerForWorkerThreads();
    const worker = new Worker(dist('bin/optimize-worker-thread.mjs'));
    try {
      const ready = await new Promise<{ codeCache: boolean }>((done, fail) => {
        worker.on('error', fail);
        worker.on('message', (message) => {
          if (message?.ready) done(message);
        });
      });
      // CI's Node 24 pass runs Node 20's build: another Node refuses the cache, by its header.
      const header = readFileSync(codeCacheFileOf(dist(`bin/${WORKER_SCRIPT}`), WORKER_CODE_CACHE))
        .subarray(0, 200)
        .toString('latin1')
        .split('\n')[0];
      expect(ready.codeCache).toBe(header?.endsWith(` ${process.version} ${process.arch}`));
    } finally {
      await worker.terminate();
    }
  });
});
