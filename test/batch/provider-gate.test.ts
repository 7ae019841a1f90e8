import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderGate, withProviderGate } from '../../src/batch/provider-gate.js';
import type { CompletionRequest, LanguageModel } from '../../src/llm/language-model.js';
import { LlmRateLimitError } from '../../src/llm/llm-errors.js';

/** A model whose calls take 20 ms (timer); it records each start with the clock and the calls in flight. */
function slowModel(log: string[], gate: ProviderGate, failFirst = false): LanguageModel & { peak: number } {
  let calls = 0;
  const model = {
    peak: 0,
    provider: 'fake',
    modelId: 'fake-model',
    async complete(request: CompletionRequest) {
      calls += 1;
      model.peak = Math.max(model.peak, gate.running);
      const name = request.messages[0]?.content ?? '';
      log.push(`start ${name} ${Date.now()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failFirst && calls === 1) throw new LlmRateLimitError('429', { retryAfterMs: 150 });
      return { text: name, usage: { inputTokens: 1, outputTokens: 1 }, finishReason: 'stop' as const };
    },
  };
  return model;
}

const request = (content: string): CompletionRequest => ({ messages: [{ role: 'user', content }] });

afterEach(() => {
  vi.useRealTimers();
});

describe('withProviderGate', () => {
  it('keeps at most N calls in flight, all articles together', async () => {
    const gate = new ProviderGate({ maxInFlight: 2 });
    const log: string[] = [];
    const inner = slowModel(log, gate);
    const model = withProviderGate(inner, gate);
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => model.complete(request(name))));
    expect(answers.map((answer) => answer.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(inner.peak).toBe(2);
    expect(gate.running).toBe(0);
  });

  it('holds every call after a 429 until Retry-After has passed', async () => {
    // Fake timers and clock: the pause is checked against the clock the gate reads, not measured.
    vi.useFakeTimers({ now: 1_000_000 });
    const gate = new ProviderGate({ maxInFlight: 4 });
    const log: string[] = [];
    const model = withProviderGate(slowModel(log, gate, true), gate);
    const first = model.complete(request('first')).catch((error: Error) => error);
    await vi.advanceTimersByTimeAsync(20);
    expect(await first).toMatchObject({ message: '429' });
    const failedAt = Date.now();
    const second = model.complete(request('second'));
    await vi.advanceTimersByTimeAsync(149);
    expect(log).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(log[1]).toBe(`start second ${failedAt + 150}`);
    await vi.advanceTimersByTimeAsync(20);
    await expect(second).resolves.toMatchObject({ text: 'second' });
  });
});
