import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmRuntime } from '../../src/llm/create-llm-runtime.js';
import { LlmAuthenticationError, LlmBudgetError } from '../../src/llm/llm-errors.js';
import { loadLlmConfig } from '../../src/llm/load-llm-config.js';
import { type OpenAiTestServer, startOpenAiTestServer } from '../helpers/openai-test-server.js';
import type { ScriptedResponse } from '../helpers/scripted-http-server.js';

const KEY = 'sk-test-SECRET123';
let cwd: string;
let server: OpenAiTestServer | undefined;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'plume-runtime-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(cwd, { recursive: true, force: true });
});

async function runtimeFor(script: ScriptedResponse[], env: Record<string, string> = {}, flags = {}) {
  server = await startOpenAiTestServer({ script });
  const config = await loadLlmConfig({
    cwd,
    env: { PLUME_PROVIDER: 'openai', PLUME_BASE_URL: server.baseUrl, OPENAI_API_KEY: KEY, ...env },
    flags,
  });
  const sleeps: number[] = [];
  const runtime = createLlmRuntime(config, {
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });
  return { runtime, sleeps, server };
}

const request = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('createLlmRuntime', () => {
  it('puts wrapProvider (the batch gate) under the retries: it sees every attempt, the budget one call', async () => {
    server = await startOpenAiTestServer({
      script: [{ status: 500 }, { content: 'Bonjour.', usage: { inputTokens: 10, outputTokens: 2 } }],
    });
    const config = await loadLlmConfig({
      cwd,
      env: { PLUME_PROVIDER: 'openai', PLUME_BASE_URL: server.baseUrl, OPENAI_API_KEY: KEY },
      flags: { maxRetries: 1 },
    });
    let attempts = 0;
    const runtime = createLlmRuntime(config, {
      retry: { sleep: async () => {} },
      wrapProvider: (provider) => ({
        ...provider,
        complete: (completion) => {
          attempts += 1;
          return provider.complete(completion);
        },
      }),
    });
    const article = runtime.forArticle();
    expect((await article.model.complete(request('a'))).text).toBe('Bonjour.');
    expect(attempts).toBe(2);
    expect(article.budget.report()).toMatchObject({ calls: 1 });
    expect(runtime.reliableModel).toMatchObject({ provider: 'openai', modelId: 'gpt-4o-mini' });
  });

  it('stacks cache -> budget -> retries -> provider', async () => {
    const { runtime, sleeps, server } = await runtimeFor([
      { status: 429, headers: { 'retry-after': '1' } },
      { content: 'Premier.', usage: { inputTokens: 100, outputTokens: 10 } },
      { content: 'Second.', usage: { inputTokens: 50, outputTokens: 5 } },
    ]);
    const article = runtime.forArticle();
    expect((await article.model.complete(request('a'))).text).toBe('Premier.');
    expect(await article.model.complete(request('a'))).toMatchObject({ text: 'Premier.', cached: true });
    expect((await article.model.complete(request('b'))).text).toBe('Second.');
    expect(sleeps).toEqual([1_000]);
    expect(server.requests).toHaveLength(3);
    // The retried call counts once; the hit is free.
    expect(article.budget.report()).toMatchObject({
      calls: 2,
      cacheHits: 1,
      inputTokens: 150,
      outputTokens: 15,
    });
    expect(runtime.cache?.dir).toBe(join(cwd, '.plume-cache', 'llm'));

    // Another article: a fresh budget, the same cache.
    const next = runtime.forArticle();
    expect(await next.model.complete(request('b'))).toMatchObject({ cached: true });
    expect(next.budget.report()).toMatchObject({ calls: 0, cacheHits: 1 });
  });

  it('stops at the article budget without calling the provider', async () => {
    const { runtime, server } = await runtimeFor([{ content: 'Un.' }, { content: 'Deux.' }], {
      PLUME_MAX_CALLS: '1',
    });
    const article = runtime.forArticle();
    await article.model.complete(request('a'));
    await expect(article.model.complete(request('b'))).rejects.toThrow(LlmBudgetError);
    // A cached answer is still served once the budget is spent.
    expect(await article.model.complete(request('a'))).toMatchObject({ cached: true });
    expect(server.requests).toHaveLength(1);
  });

  it('--no-cache: every call reaches the provider', async () => {
    const { runtime, server } = await runtimeFor(
      [{ content: 'Un.' }, { content: 'Un.' }],
      {},
      { cache: false },
    );
    expect(runtime.cache).toBeUndefined();
    const article = runtime.forArticle();
    await article.model.complete(request('a'));
    await article.model.complete(request('a'));
    expect(server.requests).toHaveLength(2);
  });

  it('a missing key fails at creation, naming the variable', async () => {
    const config = await loadLlmConfig({ cwd, env: { PLUME_PROVIDER: 'anthropic' } });
    expect(() => createLlmRuntime(config)).toThrow(LlmAuthenticationError);
    expect(() => createLlmRuntime(config)).toThrow(/^ANTHROPIC_API_KEY n’est pas définie/);
  });
});
