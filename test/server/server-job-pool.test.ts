import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { jsonInit, SHORT_ARTICLE } from './server-helpers.js';

// The pool's threads need JavaScript: the bundle's worker script (`npm run build`, which `npm test` runs first).
const WORKER_SCRIPT = new URL('../../dist/bin/optimize-worker-thread.mjs', import.meta.url);
const EXAMPLE = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');

const running: RunningServer[] = [];

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  if (!existsSync(fileURLToPath(WORKER_SCRIPT))) throw new Error('dist/ is missing: run npm run build first');
  const server = await startServer({
    port: 0,
    logError: () => {},
    rateLimit: false,
    jobThreads: 1,
    jobWorkerScript: WORKER_SCRIPT,
    ...options,
  });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** About 150 KB of different paragraphs: seconds of work, bounded. */
function heavyText(): string {
  const paragraphs = EXAMPLE.split('\n\n');
  let text = '';
  for (let index = 0; text.length < 150_000; index += 1) {
    text += `${(paragraphs[index % paragraphs.length] as string).replace(/\d+/g, String(index))}\n\n`;
  }
  return text;
}

/**
 * `started` resolves once the stream has sent its first event (the job is running), `result` as
 * soon as the result event arrives (not when the stream ends), `done` with the whole body.
 */
function streamOptimize(
  url: string,
  body: unknown,
): { started: Promise<void>; result: Promise<void>; done: Promise<string> } {
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let markResult: () => void = () => {};
  const result = new Promise<void>((resolve) => {
    markResult = resolve;
  });
  const done = fetch(`${url}api/optimize`, jsonInit(body, { accept: 'text/event-stream' })).then(
    async (response) => {
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        text += decoder.decode(chunk.value, { stream: true });
        if (text.includes('event: ')) markStarted();
        if (text.includes('event: result')) markResult();
      }
      markStarted();
      markResult();
      return text;
    },
  );
  return { started, result, done };
}

describe('plume serve runs optimize and audit on worker threads', () => {
  it('answers /api/health while a heavy optimize is in flight', async () => {
    const server = await start();
    const order: string[] = [];
    const heavy = streamOptimize(server.url, { text: heavyText(), minWords: 100 });
    await heavy.started;
    const health = fetch(`${server.url}api/health`).then(async (response) => {
      order.push('health');
      return response.status;
    });
    await heavy.result.then(() => order.push('optimize'));
    const body = await heavy.done;
    expect(await health).toBe(200);
    expect(body).toContain('event: result');
    // Completion order, not a duration: the main thread answered while the article was being
    // written. On the main thread, health would wait for the job and come after its result.
    expect(order).toEqual(['health', 'optimize']);
  });

  it('stops a job past its time limit with a French 503, and serves the next request', async () => {
    const server = await start({ jobTimeLimitMs: 1 });
    const response = await fetch(`${server.url}api/optimize`, jsonInit({ text: EXAMPLE }));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('job-time-limit');
    expect(body.error.message).toMatch(/^Cet article demande trop de calcul/);
    const health = await fetch(`${server.url}api/health`);
    expect(health.status).toBe(200);
  });

  it('gives the same article as before, and refuses pathological input with 422', async () => {
    const server = await start();
    const optimized = await fetch(
      `${server.url}api/optimize`,
      jsonInit({ text: SHORT_ARTICLE, minWords: 50 }),
    );
    expect(optimized.status).toBe(200);
    const result = (await optimized.json()) as {
      markdown: string;
      html: string;
      report: { passed: boolean };
    };
    expect(result.markdown).toContain('# ');
    expect(result.html).toContain('<html');
    const cases = [
      { markdown: `# Titre\n\n${'>'.repeat(10_000)} texte\n` },
      {
        markdown: `---\na: &a [x, x]\n${Array.from({ length: 20 }, (_, index) => `b${index}: [*a, *a]`).join('\n')}\n---\n# Titre\n\nTexte.`,
      },
      { markdown: `# Titre\n\nUn mot ${'a'.repeat(10_000)} ici.` },
    ];
    for (const request of cases) {
      const response = await fetch(`${server.url}api/audit`, jsonInit(request));
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('too-complex');
      expect(body.error.message.length).toBeLessThan(300);
    }
    const deep = await fetch(
      `${server.url}api/optimize`,
      jsonInit({ text: `${'<div>'.repeat(10_000)}<p>${SHORT_ARTICLE}</p>`, format: 'html' }),
    );
    expect(deep.status).toBe(422);
  });
});
