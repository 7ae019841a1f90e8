import { describe, expect, it } from 'vitest';
import { LlmBudget, withBudget } from '../../../src/llm/budget.js';
import type { LanguageModel } from '../../../src/llm/language-model.js';
import { createLlmSession } from '../../../src/write/llm/llm-session.js';
import { emptyWriterStats, type WriterContext } from '../../../src/write/writer.js';

const usage = { inputTokens: 120, outputTokens: 30 };

/** A model whose first answer is cut (the tokens are billed all the same), the second one fine. */
function cutThenFine(): LanguageModel {
  let calls = 0;
  return {
    provider: 'test',
    modelId: 'test-model',
    async complete() {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('cut'), { usage });
      return { text: 'Bonjour.', usage, finishReason: 'stop', cached: false };
    },
  };
}

function contextWithStats(): WriterContext {
  return { stats: emptyWriterStats() } as unknown as WriterContext;
}

describe('the LLM session counts calls and tokens', () => {
  it('reads the stats from the budget: a failed call is billed too', async () => {
    const budget = new LlmBudget({ maxCalls: 10, maxTokens: 10_000 });
    const session = createLlmSession({ model: withBudget(cutThenFine(), budget), concurrency: 1, budget });
    const context = contextWithStats();
    await expect(session.call(context, { messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow(
      'cut',
    );
    expect(context.stats).toMatchObject({ calls: 1, inputTokens: 120, outputTokens: 30 });
    await session.call(context, { messages: [{ role: 'user', content: 'x' }] });
    const spent = budget.report();
    expect(context.stats).toMatchObject({
      calls: spent.calls,
      cachedCalls: spent.cacheHits,
      inputTokens: spent.inputTokens,
      outputTokens: spent.outputTokens,
    });
    expect(context.stats.calls).toBe(2);
  });

  it('counts a bare model given without a budget in a ledger of its own, failed calls billed too', async () => {
    const session = createLlmSession({ model: cutThenFine(), concurrency: 1 });
    const context = contextWithStats();
    await expect(session.call(context, { messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow(
      'cut',
    );
    expect(context.stats).toMatchObject({ calls: 1, inputTokens: 120, outputTokens: 30 });
    await session.call(context, { messages: [{ role: 'user', content: 'x' }] });
    expect(context.stats).toMatchObject({ calls: 2, inputTokens: 240, outputTokens: 60 });
    // Another article (its own stats) starts a ledger of its own: nothing carries over.
    const next = contextWithStats();
    await session.call(next, { messages: [{ role: 'user', content: 'x' }] });
    expect(next.stats).toMatchObject({ calls: 1, inputTokens: 120, outputTokens: 30 });
    expect(context.stats.calls).toBe(2);
  });
});
