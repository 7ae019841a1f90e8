import { afterEach, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/create-language-model.js';
import type {
  ChatMessage,
  CompletionRequest,
  CompletionResult,
  LanguageModel,
} from '../../src/llm/language-model.js';
import {
  LlmAuthenticationError,
  LlmRateLimitError,
  LlmRefusalError,
  LlmResponseError,
  LlmTimeoutError,
  LlmTruncatedError,
} from '../../src/llm/llm-errors.js';
import {
  checkAnswer,
  looksLikeRefusal,
  parseRetryAfter,
  type RetryOptions,
  withRetries,
} from '../../src/llm/with-retries.js';
import { type OpenAiTestServer, startOpenAiTestServer } from '../helpers/openai-test-server.js';
import type { ScriptedResponse } from '../helpers/scripted-http-server.js';

const KEY = 'sk-test-SECRET123';
const MESSAGES: ChatMessage[] = [{ role: 'user', content: 'Réécris cet article.' }];
const NOW = Date.parse('2025-06-01T12:00:00Z');

let servers: OpenAiTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** A test clock: sleeps are recorded, never waited. */
function fakeTime(random = 0.5) {
  const sleeps: number[] = [];
  const options: RetryOptions = {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
    random: () => random,
  };
  return { sleeps, options };
}

async function serverModel(script: ScriptedResponse[], retry: RetryOptions) {
  const server = await startOpenAiTestServer({ script });
  servers.push(server);
  const provider = createLanguageModel({
    provider: 'openai',
    model: 'gpt-4o-mini',
    apiKey: KEY,
    baseUrl: server.baseUrl,
  });
  return { server, model: withRetries(provider, { secrets: [KEY], ...retry }) };
}

/** A model that plays `steps` in order: a result, an error to throw, or a function. */
function scriptedModel(
  steps: (CompletionResult | Error | ((request: CompletionRequest) => Promise<CompletionResult>))[],
) {
  const requests: CompletionRequest[] = [];
  const model: LanguageModel = {
    provider: 'fake',
    modelId: 'fake-1',
    async complete(request) {
      requests.push(request);
      const step = steps[requests.length - 1];
      if (!step) throw new Error('no more steps');
      if (step instanceof Error) throw step;
      if (typeof step === 'function') return step(request);
      return step;
    },
  };
  return { model, requests };
}

const ok = (text: string, inputTokens = 10, outputTokens = 5): CompletionResult => ({
  text,
  usage: { inputTokens, outputTokens },
  finishReason: 'stop',
});

async function caught(action: () => Promise<unknown>): Promise<Error> {
  try {
    await action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('withRetries over real HTTP', () => {
  it('429 with Retry-After (seconds), then success: waits what the header says', async () => {
    const { sleeps, options } = fakeTime();
    const { server, model } = await serverModel(
      [{ status: 429, headers: { 'retry-after': '2' } }, { content: 'Bonjour.' }],
      options,
    );
    const result = await model.complete({ messages: MESSAGES });
    expect(result.text).toBe('Bonjour.');
    expect(sleeps).toEqual([2_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const { sleeps, options } = fakeTime();
    const date = new Date(NOW + 5_000).toUTCString();
    const { model } = await serverModel(
      [{ status: 429, headers: { 'retry-after': date } }, { content: 'ok' }],
      options,
    );
    await model.complete({ messages: MESSAGES });
    expect(sleeps).toEqual([5_000]);
  });

  it('caps a long Retry-After', async () => {
    const { sleeps, options } = fakeTime();
    const { model } = await serverModel(
      [{ status: 429, headers: { 'retry-after': '3600' } }, { content: 'ok' }],
      { ...options, maxRetryAfterMs: 10_000 },
    );
    await model.complete({ messages: MESSAGES });
    expect(sleeps).toEqual([10_000]);
  });

  it('500 then success: exponential backoff with full jitter', async () => {
    const { sleeps, options } = fakeTime(0.25);
    const { server, model } = await serverModel([{ status: 500 }, { status: 502 }, { content: 'ok' }], {
      ...options,
      initialDelayMs: 1_000,
    });
    expect((await model.complete({ messages: MESSAGES })).text).toBe('ok');
    // random 0.25 × ceilings 1 000 then 2 000.
    expect(sleeps).toEqual([250, 500]);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const { sleeps, options } = fakeTime();
    const { server, model } = await serverModel([{ status: 500 }, { status: 500 }, { status: 503 }], {
      ...options,
      maxRetries: 2,
    });
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmResponseError.isInstance(error) && error.status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('a server slower than timeoutMs: LlmTimeoutError after the retries', async () => {
    const { sleeps, options } = fakeTime();
    const { server, model } = await serverModel(
      [
        { content: 'late', delayMs: 1_000 },
        { content: 'late', delayMs: 1_000 },
      ],
      { ...options, timeoutMs: 40, maxRetries: 1 },
    );
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 40, attempts: 2 });
    expect(error.message).toContain('40 ms, 2 tentatives');
    // On a loaded machine an attempt can time out before the server has read its request: the
    // client counts the attempts (above); the server's log is only an upper bound.
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(sleeps).toHaveLength(1);
  });

  it.each([400, 401, 403, 404])('no retry on %i', async (status) => {
    const { sleeps, options } = fakeTime();
    const { server, model } = await serverModel([{ status }, { content: 'never' }], options);
    await caught(() => model.complete({ messages: MESSAGES }));
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('401 through the wrapper: the key never appears in the message', async () => {
    const { options } = fakeTime();
    const { model } = await serverModel([{ status: 401 }], options);
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmAuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain('SECRET123');
  });

  it('no retry when the caller aborts', async () => {
    const { sleeps, options } = fakeTime();
    const { server, model } = await serverModel(
      [{ content: 'late', delayMs: 1_000 }, { content: 'never' }],
      options,
    );
    const controller = new AbortController();
    // Abort once the server holds the request (a fixed delay races with a loaded machine).
    const poll = setInterval(() => {
      if (server.requests.length > 0) {
        clearInterval(poll);
        controller.abort(new Error('stop'));
      }
    }, 5);
    const error = await caught(() => model.complete({ messages: MESSAGES, signal: controller.signal }));
    clearInterval(poll);
    expect(error.message).toBe('stop');
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a cut answer (finish_reason length) is LlmTruncatedError, not retried', async () => {
    const { options } = fakeTime();
    const { server, model } = await serverModel(
      [
        {
          content: 'Les talents de l’IA',
          finishReason: 'length',
          usage: { inputTokens: 20, outputTokens: 8 },
        },
      ],
      options,
    );
    const error = await caught(() => model.complete({ messages: MESSAGES, maxOutputTokens: 8 }));
    expect(LlmTruncatedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      reason: 'length',
      text: 'Les talents de l’IA',
      usage: { inputTokens: 20, outputTokens: 8 },
    });
    expect(error.message).toContain('maxOutputTokens 8');
    expect(server.requests).toHaveLength(1);
  });

  it('a dropped connection is retried', async () => {
    const { options } = fakeTime();
    const { server, model } = await serverModel(
      [{ content: 'Une réponse coupée en route', truncateStream: true }, { content: 'Une réponse entière' }],
      options,
    );
    expect((await model.complete({ messages: MESSAGES })).text).toBe('Une réponse entière');
    expect(server.requests).toHaveLength(2);
  });

  it('a refusal is LlmRefusalError, not retried', async () => {
    const { options } = fakeTime();
    const { server, model } = await serverModel(
      [{ content: "I'm sorry, but I can't help with rewriting this article." }, { content: 'never' }],
      options,
    );
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(LlmRefusalError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'refusal-text' });
    expect(server.requests).toHaveLength(1);
  });

  it('a content filter stop is LlmRefusalError', async () => {
    const { options } = fakeTime();
    const { model } = await serverModel([{ content: '', finishReason: 'content_filter' }], options);
    const error = await caught(() => model.complete({ messages: MESSAGES }));
    expect(error).toMatchObject({ name: 'LlmRefusalError', reason: 'content-filter' });
  });

  it('a structured-output refusal (message.refusal) is LlmRefusalError', async () => {
    const { options } = fakeTime();
    const { model } = await serverModel(
      [{ refusal: "I'm sorry, I cannot assist with that request." }],
      options,
    );
    const error = await caught(() =>
      model.complete({ messages: MESSAGES, jsonSchema: { name: 'plan', schema: { type: 'object' } } }),
    );
    expect(LlmRefusalError.isInstance(error)).toBe(true);
  });

  it('invalid JSON is retried once, then LlmResponseError with the text for a repair prompt', async () => {
    const { options } = fakeTime();
    const { server, model } = await serverModel(
      [{ content: 'Voici le plan : titre' }, { content: '{"title": "oops"' }],
      { ...options, maxRetries: 1 },
    );
    const error = await caught(() =>
      model.complete({ messages: MESSAGES, jsonSchema: { name: 'plan', schema: { type: 'object' } } }),
    );
    expect(LlmResponseError.isInstance(error)).toBe(true);
    expect(error.message).toContain('JSON valide pour le schéma « plan »');
    expect((error as LlmResponseError).text).toBe('{"title": "oops"');
    expect(server.requests).toHaveLength(2);
  });
});

describe('withRetries with a scripted model', () => {
  it('sums the usage of every attempt (wasted tokens count)', async () => {
    const { options } = fakeTime();
    const bad = new LlmResponseError('bad json', {
      text: '{',
      usage: { inputTokens: 100, outputTokens: 50 },
      retryable: true,
    });
    const { model } = scriptedModel([bad, ok('{"a":1}', 100, 20)]);
    const result = await withRetries(model, options).complete({
      messages: MESSAGES,
      jsonSchema: { name: 'a', schema: { type: 'object' } },
    });
    expect(result.usage).toEqual({ inputTokens: 200, outputTokens: 70 });
  });

  it('puts the summed usage on the final error', async () => {
    const { options } = fakeTime();
    const { model } = scriptedModel([
      ok('{', 10, 1),
      { text: '{"a":', usage: { inputTokens: 10, outputTokens: 3 }, finishReason: 'length' },
    ]);
    const error = await caught(() =>
      withRetries(model, { ...options, maxRetries: 1 }).complete({
        messages: MESSAGES,
        jsonSchema: { name: 'a', schema: { type: 'object' } },
      }),
    );
    expect(error).toMatchObject({ name: 'LlmTruncatedError', usage: { inputTokens: 20, outputTokens: 4 } });
  });

  it('honours retry-after-ms on a rate limit', async () => {
    const { sleeps, options } = fakeTime();
    const { model } = scriptedModel([new LlmRateLimitError('slow', { retryAfterMs: 1_500 }), ok('ok')]);
    await withRetries(model, options).complete({ messages: MESSAGES });
    expect(sleeps).toEqual([1_500]);
  });

  it('passes a combined signal: the caller can still abort', async () => {
    const { options } = fakeTime();
    const { model, requests } = scriptedModel([ok('ok')]);
    const controller = new AbortController();
    await withRetries(model, options).complete({ messages: MESSAGES, signal: controller.signal });
    const signal = requests[0]?.signal;
    expect(signal).toBeDefined();
    expect(signal).not.toBe(controller.signal);
    controller.abort();
    expect(signal?.aborted).toBe(true);
  });

  it('stops waiting when the caller aborts during the backoff', async () => {
    const { model, requests } = scriptedModel([
      new LlmRateLimitError('slow', { retryAfter: '30' }),
      ok('never'),
    ]);
    const controller = new AbortController();
    const wrapped = withRetries(model, { initialDelayMs: 10 });
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    const error = await caught(() => wrapped.complete({ messages: MESSAGES, signal: controller.signal }));
    expect(error.message).toBe('cancelled');
    expect(requests).toHaveLength(1);
  });

  it('unwraps a fenced JSON answer', async () => {
    const { model } = scriptedModel([ok('```json\n{"a": 1}\n```')]);
    const result = await withRetries(model).complete({
      messages: MESSAGES,
      jsonSchema: { name: 'a', schema: { type: 'object' } },
    });
    expect(result.text).toBe('{"a": 1}');
  });

  it('an empty answer is retried', async () => {
    const { options } = fakeTime();
    const { model, requests } = scriptedModel([ok('  '), ok('Texte')]);
    expect((await withRetries(model, options).complete({ messages: MESSAGES })).text).toBe('Texte');
    expect(requests).toHaveLength(2);
  });

  it('passes provider, model id, base URL and temperature through', () => {
    const model: LanguageModel = {
      provider: 'p',
      modelId: 'm',
      baseUrl: 'http://x',
      temperature: 0.2,
      complete: async () => ok(''),
    };
    expect(withRetries(model)).toMatchObject({
      provider: 'p',
      modelId: 'm',
      baseUrl: 'http://x',
      temperature: 0.2,
    });
  });
});

describe('looksLikeRefusal', () => {
  it.each([
    "I'm sorry, but I can't help with that.",
    'I’m sorry, but I cannot rewrite this article.',
    'I am sorry, I am unable to comply.',
    'Sorry, I can’t assist with that request.',
    'I apologize, but I cannot provide that.',
    "I can't help with that.",
    'Unfortunately, I cannot translate this text.',
    'As an AI language model, I cannot do that.',
    'Je suis désolé, mais je ne peux pas vous aider avec cette demande.',
    'Désolée, je ne peux pas réécrire cet article.',
    'Je ne peux pas vous aider à ce sujet.',
    'Malheureusement, je ne peux pas traduire ce texte.',
    'Je ne suis pas en mesure de répondre à cette demande.',
    'En tant qu’IA, je ne peux pas produire ce contenu.',
    '  \n Je regrette, mais je ne peux pas.',
  ])('refusal: %s', (text) => {
    expect(looksLikeRefusal(text)).toBe(true);
  });

  it.each([
    'Les talents de l’IA valent de l’or.',
    '# Je ne peux pas vous aider : le cri des recruteurs',
    'Le PDG a déclaré : « Je ne peux pas vous aider davantage ».',
    "I'm sorry to report that the market fell 4 %.",
    '{"title": "I cannot help falling in love"}',
    'Sorry state of affairs: the labs pay 100 000 dollars.',
  ])('not a refusal: %s', (text) => {
    expect(looksLikeRefusal(text)).toBe(false);
  });
});

describe('checkAnswer and parseRetryAfter', () => {
  it('redacts secrets in kept text', () => {
    const error = (() => {
      try {
        checkAnswer(
          { messages: MESSAGES },
          { text: `cut ${KEY}`, usage: { inputTokens: 1, outputTokens: 1 }, finishReason: 'length' },
          { secrets: [KEY] },
        );
      } catch (thrown) {
        return thrown as LlmTruncatedError;
      }
      throw new Error('expected an error');
    })();
    expect(error.text).toBe('cut [redacted]');
  });

  it.each([
    ['3', 3_000],
    ['0.5', 500],
    [new Date(NOW + 90_000).toUTCString(), 90_000],
    [new Date(NOW - 90_000).toUTCString(), 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('Retry-After %s is %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
