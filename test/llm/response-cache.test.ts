import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LlmBudget, withBudget } from '../../src/llm/budget.js';
import { createLanguageModel } from '../../src/llm/create-language-model.js';
import type { CompletionResult, LanguageModel } from '../../src/llm/language-model.js';
import {
  cacheKey,
  DEFAULT_CACHE_DIR,
  DEFAULT_CACHE_MAX_BYTES,
  ResponseCache,
  withCache,
} from '../../src/llm/response-cache.js';
import { withRetries } from '../../src/llm/with-retries.js';
import { type OpenAiTestServer, startOpenAiTestServer } from '../helpers/openai-test-server.js';

const KEY = 'sk-test-SECRET123';
const MESSAGES = [
  { role: 'system' as const, content: 'Tu écris en français.' },
  { role: 'user' as const, content: 'Réécris : « 4 % des talents ».' },
];
const BASE = { provider: 'openai', model: 'gpt-4o-mini', messages: MESSAGES };

let directory: string;
let servers: OpenAiTestServer[] = [];
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plume-cache-'));
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  await rm(directory, { recursive: true, force: true });
});

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

function countingModel(result: CompletionResult, temperature = 0.4): LanguageModel & { calls: number } {
  const model = {
    provider: 'openai',
    modelId: 'gpt-4o-mini',
    baseUrl: 'https://api.example.test/v1',
    temperature,
    calls: 0,
    async complete() {
      model.calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return result;
    },
  };
  return model;
}

const RESULT: CompletionResult = {
  text: 'Bonjour',
  usage: { inputTokens: 10, outputTokens: 2 },
  finishReason: 'stop',
};

describe('cacheKey', () => {
  it('is a sha256 hex digest, stable across key order in the schema', () => {
    const first = cacheKey({
      ...BASE,
      jsonSchema: { name: 'p', schema: { type: 'object', required: ['a'] } },
    });
    const second = cacheKey({
      ...BASE,
      jsonSchema: { schema: { required: ['a'], type: 'object' }, name: 'p' },
    });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  });

  it.each([
    ['provider', { provider: 'mistral' }],
    ['model', { model: 'gpt-4o' }],
    ['base URL', { baseUrl: 'http://localhost:11434/v1' }],
    ['temperature', { temperature: 0.7 }],
    ['schema', { jsonSchema: { name: 'p', schema: { type: 'object' } } }],
    ['messages', { messages: [{ role: 'user' as const, content: 'autre' }] }],
    ['max output tokens', { maxOutputTokens: 100 }],
  ])('changes with the %s', (_label, change) => {
    expect(cacheKey({ ...BASE, ...change })).not.toBe(cacheKey(BASE));
  });

  it('treats an unset temperature apart from 0', () => {
    expect(cacheKey({ ...BASE, temperature: 0 })).not.toBe(cacheKey(BASE));
  });
});

describe('ResponseCache', () => {
  it('defaults to .plume-cache/llm under the working directory', () => {
    expect(new ResponseCache({ cwd: directory }).dir).toBe(join(directory, DEFAULT_CACHE_DIR));
    expect(new ResponseCache({ cwd: directory, dir: 'elsewhere' }).dir).toBe(join(directory, 'elsewhere'));
  });

  it('stores and reads back an answer, atomically (no temporary file left)', async () => {
    const cache = new ResponseCache({ dir: directory });
    const key = cacheKey(BASE);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, RESULT);
    expect(await cache.get(key)).toEqual(RESULT);
    expect(await listFiles(directory)).toEqual([`${key}.json`]);
    expect(cache.pathFor(key)).toBe(join(directory, key.slice(0, 2), `${key}.json`));
  });

  it('treats a corrupt or foreign file as a miss', async () => {
    const errors: unknown[] = [];
    const cache = new ResponseCache({ dir: directory, onError: (error) => errors.push(error) });
    const key = cacheKey(BASE);
    await cache.set(key, RESULT);
    await writeFile(cache.pathFor(key), '{"answer": {"text": ', 'utf8');
    expect(await cache.get(key)).toBeUndefined();
    await writeFile(cache.pathFor(key), '{"answer": {"text": 3}}', 'utf8');
    expect(await cache.get(key)).toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('reports, never throws, a failed write', async () => {
    const errors: unknown[] = [];
    await writeFile(join(directory, 'file'), 'x');
    const cache = new ResponseCache({ dir: join(directory, 'file'), onError: (error) => errors.push(error) });
    await expect(cache.set(cacheKey(BASE), RESULT)).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('ResponseCache size bound', () => {
  const keyOf = (index: number) =>
    cacheKey({ ...BASE, messages: [{ role: 'user', content: `n° ${index}` }] });
  const answerOf = (index: number): CompletionResult => ({
    ...RESULT,
    text: `Réponse ${index} ${'x'.repeat(500)}`,
  });

  /** The size of one entry on disk: they all have the same length here. */
  async function entryBytes(): Promise<number> {
    const probe = new ResponseCache({ dir: join(directory, 'probe') });
    await probe.set(keyOf(0), answerOf(0));
    return (await stat(probe.pathFor(keyOf(0)))).size;
  }

  it('defaults to 200 MB', () => {
    expect(DEFAULT_CACHE_MAX_BYTES).toBe(200 * 1024 * 1024);
    expect(new ResponseCache({ dir: directory }).maxBytes).toBe(DEFAULT_CACHE_MAX_BYTES);
  });

  it('deletes the least recently used answers past the bound; a hit counts as a use', async () => {
    const bytes = await entryBytes();
    const cache = new ResponseCache({ dir: join(directory, 'bounded'), maxBytes: bytes * 3 + 10 });
    for (const index of [1, 2, 3]) await cache.set(keyOf(index), answerOf(index));
    expect(await cache.get(keyOf(1))).toEqual(answerOf(1));
    await cache.set(keyOf(4), answerOf(4));
    expect(await cache.get(keyOf(2))).toBeUndefined();
    for (const index of [1, 3, 4]) expect(await cache.get(keyOf(index))).toEqual(answerOf(index));
    await cache.set(keyOf(5), answerOf(5));
    await cache.set(keyOf(6), answerOf(6));
    expect((await listFiles(join(directory, 'bounded'))).sort()).toEqual(
      [keyOf(4), keyOf(5), keyOf(6)].map((key) => `${key}.json`).sort(),
    );
  });

  it('bounds what earlier runs left, oldest use first, at the first write', async () => {
    const bytes = await entryBytes();
    const folder = join(directory, 'earlier');
    const earlier = new ResponseCache({ dir: folder });
    for (const index of [1, 2, 3, 4]) await earlier.set(keyOf(index), answerOf(index));
    // Last uses, as earlier runs left them: 3 oldest, then 1, 4, 2.
    for (const [index, minutesAgo] of [
      [3, 40],
      [1, 30],
      [4, 20],
      [2, 10],
    ] as const) {
      const usedAt = new Date(Date.now() - minutesAgo * 60_000);
      await utimes(earlier.pathFor(keyOf(index)), usedAt, usedAt);
    }
    const cache = new ResponseCache({ dir: folder, maxBytes: bytes * 3 + 10 });
    await cache.set(keyOf(5), answerOf(5));
    expect((await listFiles(folder)).sort()).toEqual(
      [keyOf(4), keyOf(2), keyOf(5)].map((key) => `${key}.json`).sort(),
    );
  });
});

describe('withCache', () => {
  it('returns the model itself when the cache is off (--no-cache)', () => {
    const model = countingModel(RESULT);
    expect(withCache(model, undefined)).toBe(model);
  });

  it('serves the second identical call from disk with cached: true, counted as a hit', async () => {
    const inner = countingModel(RESULT);
    const budget = new LlmBudget();
    const model = withCache(withBudget(inner, budget), new ResponseCache({ dir: directory }), { budget });
    expect(await model.complete({ messages: MESSAGES })).toEqual(RESULT);
    expect(await model.complete({ messages: MESSAGES })).toEqual({ ...RESULT, cached: true });
    expect(inner.calls).toBe(1);
    expect(budget.report()).toMatchObject({ calls: 1, cacheHits: 1, inputTokens: 10 });
  });

  it('keys on the model default temperature when the request sets none', async () => {
    const cache = new ResponseCache({ dir: directory });
    const inner = countingModel(RESULT);
    await withCache(inner, cache).complete({ messages: MESSAGES });
    const hot = countingModel(RESULT, 1.2);
    await withCache(hot, cache).complete({ messages: MESSAGES });
    expect(hot.calls).toBe(1);
  });

  it('shares one call between identical concurrent requests', async () => {
    const inner = countingModel(RESULT);
    const model = withCache(inner, new ResponseCache({ dir: directory }));
    const results = await Promise.all([
      model.complete({ messages: MESSAGES }),
      model.complete({ messages: MESSAGES }),
    ]);
    expect(inner.calls).toBe(1);
    expect(results.map((result) => result.cached ?? false).sort()).toEqual([false, true]);
  });

  it('does not cache failures', async () => {
    let calls = 0;
    const failing: LanguageModel = {
      provider: 'p',
      modelId: 'm',
      async complete() {
        calls += 1;
        throw new Error('down');
      },
    };
    const model = withCache(failing, new ResponseCache({ dir: directory }));
    await expect(model.complete({ messages: MESSAGES })).rejects.toThrow('down');
    await expect(model.complete({ messages: MESSAGES })).rejects.toThrow('down');
    expect(calls).toBe(2);
    expect(await listFiles(directory)).toEqual([]);
  });

  it('over real HTTP: no second request to the server, and no key on disk', async () => {
    const server = await startOpenAiTestServer({ script: [{ content: 'Bonjour.' }] });
    servers.push(server);
    const provider = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const model = withCache(withRetries(provider), new ResponseCache({ dir: directory }));
    const first = await model.complete({ messages: MESSAGES });
    const second = await model.complete({ messages: MESSAGES });
    expect(first.cached).toBeUndefined();
    expect(second).toMatchObject({ text: 'Bonjour.', cached: true });
    expect(server.requests).toHaveLength(1);
    const [file] = await listFiles(directory);
    const stored = await readFile(join(directory, String(file).slice(0, 2), String(file)), 'utf8');
    expect(stored).not.toContain('SECRET123');
    expect(JSON.parse(stored)).toMatchObject({
      version: 1,
      provider: 'openai',
      model: 'gpt-4o-mini',
      answer: { text: 'Bonjour.' },
    });
  });
});
