import { afterEach, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/create-language-model.js';
import type { ChatMessage, JsonSchemaFormat } from '../../src/llm/language-model.js';
import {
  LlmAuthenticationError,
  LlmConfigError,
  LlmConnectionError,
  LlmRateLimitError,
  LlmResponseError,
  LlmTruncatedError,
} from '../../src/llm/llm-errors.js';
import {
  type AnthropicTestServer,
  messagesRequestBody,
  startAnthropicTestServer,
} from '../helpers/anthropic-test-server.js';
import {
  chatRequestBody,
  type OpenAiTestServer,
  startOpenAiTestServer,
} from '../helpers/openai-test-server.js';
import type { ScriptedResponse } from '../helpers/scripted-http-server.js';

const KEY = 'sk-test-SECRET123';
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Tu réécris des articles en français.' },
  { role: 'user', content: 'Réécris : « Les talents de l’IA valent 100 000 dollars. »' },
];
const PLAN_SCHEMA: JsonSchemaFormat = {
  name: 'plan',
  schema: {
    type: 'object',
    properties: { title: { type: 'string' }, sections: { type: 'array', items: { type: 'string' } } },
    required: ['title', 'sections'],
    additionalProperties: false,
  },
};

let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function openAiServer(script: ScriptedResponse[]): Promise<OpenAiTestServer> {
  const server = await startOpenAiTestServer({ script });
  servers.push(server);
  return server;
}

async function anthropicServer(script: ScriptedResponse[]): Promise<AnthropicTestServer> {
  const server = await startAnthropicTestServer({ script });
  servers.push(server);
  return server;
}

/** Runs `action` and returns what it threw. */
async function caught(action: () => Promise<unknown>): Promise<Error> {
  try {
    await action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('createLanguageModel over real HTTP', () => {
  it('openai: chat completions, Bearer key, messages, temperature, usage', async () => {
    const server = await openAiServer([{ content: 'Bonjour.', usage: { inputTokens: 31, outputTokens: 4 } }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: KEY,
      baseUrl: server.baseUrl,
      temperature: 0.3,
    });
    expect(model).toMatchObject({
      provider: 'openai',
      modelId: 'gpt-4o-mini',
      baseUrl: server.baseUrl,
      temperature: 0.3,
    });
    const result = await model.complete({ messages: MESSAGES, maxOutputTokens: 500 });
    expect(result).toEqual({
      text: 'Bonjour.',
      usage: { inputTokens: 31, outputTokens: 4 },
      finishReason: 'stop',
    });
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    const body = chatRequestBody(server);
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.messages).toEqual(MESSAGES);
    expect(body.temperature).toBe(0.3);
    expect(body.max_tokens ?? body.max_completion_tokens).toBe(500);
    expect(body.stream).toBeFalsy();
  });

  it('a request temperature overrides the default one', async () => {
    const server = await openAiServer([{ content: 'ok' }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o',
      apiKey: KEY,
      baseUrl: server.baseUrl,
      temperature: 1,
    });
    await model.complete({ messages: MESSAGES, temperature: 0 });
    expect(chatRequestBody(server).temperature).toBe(0);
  });

  it('openai: a JSON schema request arrives as response_format json_schema', async () => {
    const answer = '{"title":"Les talents de l’IA","sections":["Contexte"]}';
    const server = await openAiServer([{ content: answer }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const result = await model.complete({ messages: MESSAGES, jsonSchema: PLAN_SCHEMA });
    expect(result.text).toBe(answer);
    expect(chatRequestBody(server).response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'plan', schema: PLAN_SCHEMA.schema, strict: false },
    });
  });

  it('openai: strict schemas on request, and never a $schema keyword', async () => {
    const server = await openAiServer([{ content: '{"title":"t","sections":[]}' }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...PLAN_SCHEMA.schema };
    await model.complete({ messages: MESSAGES, jsonSchema: { name: 'plan', schema, strict: true } });
    expect(chatRequestBody(server).response_format?.json_schema).toEqual({
      name: 'plan',
      schema: PLAN_SCHEMA.schema,
      strict: true,
    });
  });

  it('openai-compatible: needs no key (Ollama), sends the schema, reports usage', async () => {
    const server = await openAiServer([
      { content: '{"title":"t","sections":[]}', usage: { inputTokens: 12, outputTokens: 7 } },
    ]);
    const model = createLanguageModel({
      provider: 'openai-compatible',
      model: 'llama3.1:8b',
      baseUrl: server.baseUrl,
    });
    const result = await model.complete({ messages: MESSAGES, jsonSchema: PLAN_SCHEMA });
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 7 });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(chatRequestBody(server).response_format?.type).toBe('json_schema');
    expect(chatRequestBody(server).response_format?.json_schema?.schema).toEqual(PLAN_SCHEMA.schema);
  });

  it('openai-compatible: sends a key when there is one (Groq, OpenRouter)', async () => {
    const server = await openAiServer([{ content: 'ok' }]);
    const model = createLanguageModel({
      provider: 'openai-compatible',
      model: 'm',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    await model.complete({ messages: MESSAGES });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('openai-compatible: a missing base URL is a config error', () => {
    expect(() => createLanguageModel({ provider: 'openai-compatible', model: 'm' })).toThrow(LlmConfigError);
    expect(() => createLanguageModel({ provider: 'openai-compatible', model: 'm' })).toThrow(
      /PLUME_BASE_URL/,
    );
  });

  it('mistral: its chat API has the OpenAI shape, served by the same test server', async () => {
    const server = await openAiServer([{ content: 'Salut.', usage: { inputTokens: 9, outputTokens: 3 } }]);
    const model = createLanguageModel({
      provider: 'mistral',
      model: 'mistral-small-latest',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const result = await model.complete({ messages: MESSAGES, jsonSchema: PLAN_SCHEMA });
    expect(result).toEqual({
      text: 'Salut.',
      usage: { inputTokens: 9, outputTokens: 3 },
      finishReason: 'stop',
    });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(chatRequestBody(server).response_format?.type).toBe('json_schema');
  });

  it('mistral: model_length is a cut answer', async () => {
    const server = await openAiServer([{ content: 'Les talents', finishReason: 'model_length' }]);
    const model = createLanguageModel({
      provider: 'mistral',
      model: 'mistral-large-latest',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    expect((await model.complete({ messages: MESSAGES })).finishReason).toBe('length');
  });

  it('anthropic: Messages API, x-api-key, system prompt apart, usage and stop reason', async () => {
    const server = await anthropicServer([
      { content: 'Bonjour.', usage: { inputTokens: 40, outputTokens: 5 } },
    ]);
    const model = createLanguageModel({
      provider: 'anthropic',
      model: 'claude-3-5-haiku-latest',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const result = await model.complete({ messages: MESSAGES, maxOutputTokens: 800 });
    expect(result).toEqual({
      text: 'Bonjour.',
      usage: { inputTokens: 40, outputTokens: 5 },
      finishReason: 'stop',
    });
    const request = server.requests[0];
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe(KEY);
    expect(request?.headers.authorization).toBeUndefined();
    const body = messagesRequestBody(server);
    expect(body.system).toEqual([{ type: 'text', text: MESSAGES[0]?.content }]);
    expect(body.max_tokens).toBe(800);
  });

  it('anthropic: JSON through the forced json tool (older models)', async () => {
    const server = await anthropicServer([{ content: '{"title":"t","sections":["a"]}' }]);
    const model = createLanguageModel({
      provider: 'anthropic',
      model: 'claude-3-5-haiku-latest',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const result = await model.complete({ messages: MESSAGES, jsonSchema: PLAN_SCHEMA });
    expect(JSON.parse(result.text)).toEqual({ title: 't', sections: ['a'] });
    expect(result.finishReason).toBe('stop');
    const body = messagesRequestBody(server);
    expect(body.tools?.[0]?.name).toBe('json');
    expect(body.tools?.[0]?.input_schema).toMatchObject({ properties: PLAN_SCHEMA.schema.properties });
  });

  it('anthropic: JSON through output_config.format (newer models)', async () => {
    const server = await anthropicServer([{ content: '{"title":"t","sections":[]}' }]);
    const model = createLanguageModel({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const result = await model.complete({ messages: MESSAGES, jsonSchema: PLAN_SCHEMA });
    expect(result.text).toBe('{"title":"t","sections":[]}');
    expect(messagesRequestBody(server).output_config?.format).toMatchObject({ type: 'json_schema' });
  });

  it.each([
    ['max_tokens', 'length'],
    ['refusal', 'content-filter'],
    ['stop_sequence', 'stop'],
  ])('anthropic: stop_reason %s is finishReason %s', async (stopReason, finishReason) => {
    const server = await anthropicServer([{ content: 'Texte', finishReason: stopReason }]);
    const model = createLanguageModel({
      provider: 'anthropic',
      model: 'claude-sonnet-4-0',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    expect((await model.complete({ messages: MESSAGES })).finishReason).toBe(finishReason);
  });

  it.each([
    ['length', 'length'],
    ['content_filter', 'content-filter'],
  ])('openai: finish_reason %s is finishReason %s', async (raw, finishReason) => {
    const server = await openAiServer([{ content: 'Texte', finishReason: raw }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    expect((await model.complete({ messages: MESSAGES })).finishReason).toBe(finishReason);
  });

  it('a JSON answer cut by the length limit comes back as text with finishReason length', async () => {
    const server = await openAiServer([{ content: '{"title":"Les tal', finishReason: 'length' }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const result = await model.complete({ messages: MESSAGES, jsonSchema: PLAN_SCHEMA });
    expect(result).toMatchObject({ text: '{"title":"Les tal', finishReason: 'length' });
  });

  it('uses the injected fetch for every call', async () => {
    const server = await openAiServer([{ content: 'ok' }]);
    const seen: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const model = createLanguageModel(
      { provider: 'openai', model: 'gpt-4o-mini', apiKey: KEY, baseUrl: server.baseUrl },
      { fetch: fetchSpy },
    );
    await model.complete({ messages: MESSAGES });
    expect(seen).toEqual([`${server.baseUrl}/chat/completions`]);
  });
});

describe('createLanguageModel errors', () => {
  it.each([
    ['openai', 'OPENAI_API_KEY'],
    ['anthropic', 'ANTHROPIC_API_KEY'],
    ['mistral', 'MISTRAL_API_KEY'],
  ] as const)('%s without a key: one clear line naming %s', (provider, variable) => {
    const error = (() => {
      try {
        createLanguageModel({ provider, model: 'm', apiKey: '  ' });
      } catch (thrown) {
        return thrown as Error;
      }
      throw new Error('expected an error');
    })();
    expect(LlmAuthenticationError.isInstance(error)).toBe(true);
    expect(error.message.startsWith(`${variable} n’est pas définie`)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('names where the key came from when it was not the variable', () => {
    expect(() =>
      createLanguageModel({ provider: 'openai', model: 'm', apiKeySource: 'plume.config.json llm.apiKey' }),
    ).toThrow(/^plume.config.json llm.apiKey n’est pas définie/);
  });

  it.each([
    ['openai', 'OPENAI_API_KEY'],
    ['anthropic', 'ANTHROPIC_API_KEY'],
  ] as const)('%s 401: says the key in %s was rejected, never shows the key', async (provider, variable) => {
    const server =
      provider === 'openai'
        ? await openAiServer([{ status: 401 }])
        : await anthropicServer([{ status: 401 }]);
    const model = createLanguageModel({ provider, model: 'm', apiKey: KEY, baseUrl: `${server.url}/v1` });
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmAuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toContain(`la clé de ${variable} a été refusée (401)`);
    // The fake server echoes the key in its error body, like OpenAI does.
    expect(server.requests[0]?.headers[provider === 'openai' ? 'authorization' : 'x-api-key']).toContain(KEY);
    expect(error.message).not.toContain('SECRET123');
    expect(String(error.stack)).not.toContain('SECRET123');
    expect(JSON.stringify(error)).not.toContain('SECRET123');
    expect(String((error as { cause?: unknown }).cause ?? '')).not.toContain('SECRET123');
  });

  it('403 is an authentication error too', async () => {
    const server = await openAiServer([{ status: 403 }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(error.message).toMatch(/^la clé de OPENAI_API_KEY n’a pas accès à ce modèle \(403\)/);
  });

  it('429 carries Retry-After for withRetries', async () => {
    const server = await openAiServer([{ status: 429, headers: { 'retry-after': '7' } }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmRateLimitError.isInstance(error) && error.retryAfter).toBe('7');
  });

  it.each([
    [400, false],
    [404, false],
    [500, true],
    [503, true],
  ])('status %i is a response error, retryable: %s', async (status, retryable) => {
    const server = await openAiServer([{ status, errorMessage: `boom with ${KEY}` }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmResponseError.isInstance(error)).toBe(true);
    expect((error as LlmResponseError).status).toBe(status);
    expect((error as LlmResponseError).retryable).toBe(retryable);
    expect(error.message).toContain(String(status));
    expect(error.message).not.toContain('SECRET123');
  });

  it('a body cut mid-answer is a retryable stream-cut truncation', async () => {
    const server = await openAiServer([
      { content: 'Une longue réponse qui sera coupée', truncateStream: true },
    ]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmTruncatedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'stream-cut', retryable: true });
  });

  it('a server that is down is a retryable connection error', async () => {
    const server = await startOpenAiTestServer({ script: [] });
    await server.close();
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmConnectionError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain('SECRET123');
  });

  it('the caller abort passes through untouched', async () => {
    const server = await openAiServer([{ content: 'late', delayMs: 2_000 }]);
    const model = createLanguageModel({
      provider: 'openai',
      model: 'gpt-4o',
      apiKey: KEY,
      baseUrl: server.baseUrl,
    });
    const controller = new AbortController();
    const reason = new Error('user pressed Ctrl-C');
    setTimeout(() => controller.abort(reason), 20);
    const error = await caught(() => model.complete({ messages: MESSAGES, signal: controller.signal }));
    expect(error).toBe(reason);
  });

  it('an unknown provider is a config error', () => {
    expect(() => createLanguageModel({ provider: 'gemini' as never, model: 'm', apiKey: KEY })).toThrow(
      /fournisseur « gemini » inconnu/,
    );
  });
});
