import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { streamText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicTestServer } from '../helpers/anthropic-test-server.js';
import { chatRequestBody, promptText, startOpenAiTestServer } from '../helpers/openai-test-server.js';
import type { TestServer } from '../helpers/scripted-http-server.js';

// The SDK warns on the console about unknown model ids; these tests use made-up ones on purpose.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});
function track<T extends TestServer>(server: T): T {
  servers.push(server);
  return server;
}

async function streamAll(result: ReturnType<typeof streamText>): Promise<string> {
  let text = '';
  for await (const delta of result.textStream) text += delta;
  return text;
}

describe('openai-test-server', () => {
  it('streams SSE chunks ending with data: [DONE], readable by the real client', async () => {
    const server = track(
      await startOpenAiTestServer({
        script: [
          { content: 'Les talents de l’IA valent de l’or.', usage: { inputTokens: 12, outputTokens: 9 } },
        ],
      }),
    );
    const openai = createOpenAI({ apiKey: 'sk-test', baseURL: server.baseUrl });
    const result = streamText({ model: openai.chat('gpt-4o-mini'), prompt: 'Bonjour', maxRetries: 0 });
    expect(await streamAll(result)).toBe('Les talents de l’IA valent de l’or.');
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toMatchObject({ inputTokens: 12, outputTokens: 9 });
    expect(chatRequestBody(server).stream).toBe(true);
  });

  it('ends the raw stream with [DONE], or cuts it without one', async () => {
    const server = track(
      await startOpenAiTestServer({
        script: [
          { content: 'un deux trois quatre' },
          { content: 'un deux trois quatre', truncateStream: true },
        ],
      }),
    );
    const post = () =>
      fetch(`${server.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'x' }] }),
      });
    const whole = await (await post()).text();
    expect(whole.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(whole).toContain('"finish_reason":"stop"');
    // Read what arrives until the connection drops.
    let cut = '';
    const reader = (await post()).body?.getReader();
    const decoder = new TextDecoder();
    try {
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read())
        cut += decoder.decode(chunk.value);
    } catch {
      // The drop itself.
    }
    expect(cut).toContain('"content":"un"');
    expect(cut).not.toContain('quatre');
    expect(cut).not.toContain('[DONE]');
    expect(cut).not.toContain('"finish_reason":"stop"');
  });

  it('answers from a function of the parsed request, and records every request', async () => {
    const server = track(
      await startOpenAiTestServer({
        script: (request, index) => ({ content: `#${index}: ${promptText(request).toUpperCase()}` }),
      }),
    );
    const openai = createOpenAI({ apiKey: 'sk-test', baseURL: server.baseUrl });
    const result = streamText({ model: openai.chat('gpt-4o-mini'), prompt: 'salut', maxRetries: 0 });
    expect(await streamAll(result)).toBe('#0: SALUT');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('says when an array script is exhausted, and 404s unknown routes', async () => {
    const server = track(await startOpenAiTestServer({ script: [] }));
    const exhausted = await fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', body: '{}' });
    expect(exhausted.status).toBe(500);
    expect(await exhausted.text()).toContain('test server script exhausted');
    expect((await fetch(`${server.url}/v1/embeddings`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(server.requests).toHaveLength(2);
  });

  it('simulates generation speed with latencyPerTokenMs', async () => {
    const server = track(
      await startOpenAiTestServer({ script: [{ content: 'a b c d e f' }], latencyPerTokenMs: 10 }),
    );
    const openai = createOpenAI({ apiKey: 'sk-test', baseURL: server.baseUrl });
    const started = performance.now();
    await streamAll(streamText({ model: openai.chat('gpt-4o-mini'), prompt: 'x', maxRetries: 0 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
  });
});

describe('anthropic-test-server', () => {
  it('streams Messages API events, readable by the real client', async () => {
    const server = track(
      await startAnthropicTestServer({
        script: [{ content: 'Bonjour à tous.', usage: { inputTokens: 20, outputTokens: 4 } }],
      }),
    );
    const anthropic = createAnthropic({ apiKey: 'sk-ant-test', baseURL: server.baseUrl });
    const result = streamText({
      model: anthropic('claude-3-5-haiku-latest'),
      prompt: 'Bonjour',
      maxRetries: 0,
    });
    expect(await streamAll(result)).toBe('Bonjour à tous.');
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toMatchObject({ inputTokens: 20, outputTokens: 4 });
    expect(server.requests[0]?.headers['x-api-key']).toBe('sk-ant-test');
  });

  it('maps a scripted max_tokens stop in a stream', async () => {
    const server = track(
      await startAnthropicTestServer({ script: [{ content: 'Les tal', finishReason: 'max_tokens' }] }),
    );
    const anthropic = createAnthropic({ apiKey: 'k', baseURL: server.baseUrl });
    const result = streamText({ model: anthropic('claude-sonnet-4-0'), prompt: 'x', maxRetries: 0 });
    await streamAll(result);
    expect(await result.finishReason).toBe('length');
  });

  it('returns Anthropic error bodies', async () => {
    const server = track(await startAnthropicTestServer({ script: [{ status: 529 }] }));
    const response = await fetch(`${server.baseUrl}/messages`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(529);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });
});
