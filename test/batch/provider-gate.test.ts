import { describe, expect, it } from 'vitest';
import { ProviderGate, withProviderGate } from '../../src/batch/provider-gate.js';
import type { CompletionRequest, LanguageModel } from '../../src/llm/language-model.js';
import { LlmRateLimitError } from '../../src/llm/llm-errors.js';

function slowModel(log: string[], failFirst = false): LanguageModel {
  let calls = 0;
  return {
    provider: 'fake',
    modelId: 'fake-model',
    async complete(request: CompletionRequest) {
      calls += 1;
      const name = request.messages[0]?.content ?? '';
      log.push(`start ${name} ${Date.now()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failFirst && calls === 1) throw new LlmRateLimitError('429', { retryAfterMs: 150 });
      return { text: name, usage: { inputTokens: 1, outputTokens: 1 }, finishReason: 'stop' as const };
    },
  };
}

const request = (content: string): CompletionRequest => ({ messages: [{ role: 'user', content }] });

describe('withProviderGate', () => {
  it('keeps at most N calls in flight, all articles together', async () => {
    const gate = new ProviderGate({ maxInFlight: 2 });
    let peak = 0;
    const log: string[] = [];
    const model = withProviderGate(slowModel(log), gate);
    const watch = setInterval(() => {
      peak = Math.max(peak, gate.running);
    }, 1);
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => model.complete(request(name))));
    clearInterval(watch);
    expect(answers.map((answer) => answer.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(peak).toBe(2);
    expect(gate.running).toBe(0);
  });

  it('holds every call after a 429 until Retry-After has passed', async () => {
    const gate = new ProviderGate({ maxInFlight: 4 });
    const log: string[] = [];
    const model = withProviderGate(slowModel(log, true), gate);
    const failed = Date.now();
    await expect(model.complete(request('first'))).rejects.toThrow('429');
    await model.complete(request('second'));
    const started = Number(log[1]?.split(' ')[2]);
    expect(started - failed).toBeGreaterThanOrEqual(140);
  });
});
