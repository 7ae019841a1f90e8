import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRICES,
  estimateCost,
  estimateInputTokens,
  findPrice,
  LlmBudget,
  withBudget,
} from '../../src/llm/budget.js';
import type { CompletionResult, LanguageModel } from '../../src/llm/language-model.js';
import { LlmBudgetError, LlmTruncatedError } from '../../src/llm/llm-errors.js';

const MESSAGES = [{ role: 'user' as const, content: 'x'.repeat(400) }];

function fixedModel(
  result: CompletionResult | Error,
  modelId = 'gpt-4o-mini',
): LanguageModel & { calls: number } {
  const model = {
    provider: 'openai',
    modelId,
    calls: 0,
    async complete() {
      model.calls += 1;
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return model;
}

const answer = (inputTokens: number, outputTokens: number): CompletionResult => ({
  text: 'ok',
  usage: { inputTokens, outputTokens },
  finishReason: 'stop',
});

describe('prices', () => {
  it.each([
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4o-2024-11-20', 'gpt-4o'],
    ['gpt-4.1-mini', 'gpt-4.1-mini'],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['mistral-small-latest', 'mistral-small'],
    ['mistral-large-2411', 'mistral-large'],
  ])('%s is priced as %s (longest prefix)', (modelId, key) => {
    expect(findPrice(modelId)).toBe(DEFAULT_PRICES[key]);
  });

  it('has no price for an unknown model', () => {
    expect(findPrice('llama3.1:8b')).toBeUndefined();
    expect(estimateCost({ inputTokens: 1, outputTokens: 1 }, 'llama3.1:8b')).toBeUndefined();
  });

  it('estimates a cost per million tokens', () => {
    // gpt-4o-mini: 0.15 in, 0.60 out.
    expect(estimateCost({ inputTokens: 1_000_000, outputTokens: 500_000 }, 'gpt-4o-mini')).toBeCloseTo(
      0.45,
      10,
    );
  });

  it('uses configured prices, over the defaults', () => {
    const budget = new LlmBudget({
      prices: {
        'gpt-4o-mini': { inputPerMillion: 1, outputPerMillion: 2 },
        'my-llama': { inputPerMillion: 0, outputPerMillion: 0 },
      },
    });
    budget.recordUsage({ inputTokens: 1_000_000, outputTokens: 1_000_000 }, 'gpt-4o-mini');
    budget.recordUsage({ inputTokens: 5, outputTokens: 5 }, 'my-llama');
    expect(budget.report().estimatedCostUsd).toBeCloseTo(3, 10);
  });

  it('estimates input tokens at 4 characters each', () => {
    expect(estimateInputTokens({ messages: MESSAGES })).toBe(100);
  });
});

describe('LlmBudget and withBudget', () => {
  it('counts calls and tokens, and reports a cost', async () => {
    const budget = new LlmBudget({ maxCalls: 5, maxTokens: 10_000 });
    const model = withBudget(fixedModel(answer(300, 100)), budget);
    await model.complete({ messages: MESSAGES });
    await model.complete({ messages: MESSAGES });
    const report = budget.report();
    expect(report).toMatchObject({
      calls: 2,
      cacheHits: 0,
      inputTokens: 600,
      outputTokens: 200,
      maxCalls: 5,
      maxTokens: 10_000,
    });
    expect(report.estimatedCostUsd).toBeCloseTo((600 * 0.15 + 200 * 0.6) / 1e6, 12);
  });

  it('throws LlmBudgetError before the call that would pass maxCalls', async () => {
    const budget = new LlmBudget({ maxCalls: 2 });
    const inner = fixedModel(answer(1, 1));
    const model = withBudget(inner, budget);
    await model.complete({ messages: MESSAGES });
    await model.complete({ messages: MESSAGES });
    await expect(model.complete({ messages: MESSAGES })).rejects.toThrow(LlmBudgetError);
    await expect(model.complete({ messages: MESSAGES })).rejects.toThrow(/2 appels sur 2/);
    expect(inner.calls).toBe(2);
  });

  it('throws when the tokens are spent, or the next request would pass the limit', async () => {
    const budget = new LlmBudget({ maxTokens: 1_000 });
    const inner = fixedModel(answer(700, 200));
    const model = withBudget(inner, budget);
    await model.complete({ messages: MESSAGES });
    // 900 used + about 100 for this request = 1 000: still allowed.
    await model.complete({ messages: MESSAGES }).catch(() => undefined);
    expect(inner.calls).toBe(2);
    const error = await model.complete({ messages: MESSAGES }).catch((thrown: unknown) => thrown);
    expect(LlmBudgetError.isInstance(error) && error.limit).toBe('tokens');
    expect(inner.calls).toBe(2);
  });

  it('counts the tokens of a failed call that carries usage', async () => {
    const budget = new LlmBudget();
    const cut = new LlmTruncatedError('cut', { text: 'x', usage: { inputTokens: 50, outputTokens: 25 } });
    const model = withBudget(fixedModel(cut), budget);
    await expect(model.complete({ messages: MESSAGES })).rejects.toBe(cut);
    expect(budget.report()).toMatchObject({ calls: 1, inputTokens: 50, outputTokens: 25 });
  });

  it('a cached answer (cache inside the budget) is a cache hit, not a call', async () => {
    const budget = new LlmBudget({ maxCalls: 1 });
    const model = withBudget(fixedModel({ ...answer(10, 10), cached: true }), budget);
    await model.complete({ messages: MESSAGES });
    await model.complete({ messages: MESSAGES });
    expect(budget.report()).toMatchObject({ calls: 0, cacheHits: 2, inputTokens: 0 });
  });

  it('counts concurrent calls as they start', async () => {
    const budget = new LlmBudget({ maxCalls: 3 });
    const model = withBudget(fixedModel(answer(1, 1)), budget);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => model.complete({ messages: MESSAGES })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(2);
  });

  it('reports an unknown cost once a model without a price is used', async () => {
    const budget = new LlmBudget();
    await withBudget(fixedModel(answer(1, 1), 'llama3.1:8b'), budget).complete({ messages: MESSAGES });
    expect(budget.report().estimatedCostUsd).toBeUndefined();
  });
});
