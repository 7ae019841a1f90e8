/**
 * A per-article LLM budget: at most N calls and T tokens (input + output) for
 * all the calls made for one article, checked before each call, plus the
 * counts a report shows (calls, tokens, cache hits, estimated cost).
 */

import type { CompletionRequest, CompletionResult, LanguageModel, TokenUsage } from './language-model.js';
import { DEFAULT_MAX_CALLS, DEFAULT_MAX_TOKENS } from './llm-defaults.js';
import { LlmBudgetError } from './llm-errors.js';

/** Price of a model in US dollars per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/**
 * Public list prices in USD per million tokens (standard tier, no batch or
 * cache discount), as of 2025. Prices change: treat costs as estimates, and
 * set `llm.prices` in plume.config.json to use your own. A model id matches the
 * longest key it starts with (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`).
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-5-nano': { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  'gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'gpt-5': { inputPerMillion: 1.25, outputPerMillion: 10 },
  'claude-3-5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'claude-haiku-4-5': { inputPerMillion: 1, outputPerMillion: 5 },
  'claude-3-5-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-3-7-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-opus-4': { inputPerMillion: 15, outputPerMillion: 75 },
  'claude-opus-4-5': { inputPerMillion: 5, outputPerMillion: 25 },
  'mistral-small': { inputPerMillion: 0.1, outputPerMillion: 0.3 },
  'mistral-medium': { inputPerMillion: 0.4, outputPerMillion: 2 },
  'mistral-large': { inputPerMillion: 2, outputPerMillion: 6 },
};

/** The price of `modelId`: exact key first, then the longest key it starts with. */
export function findPrice(
  modelId: string,
  prices: Readonly<Record<string, ModelPrice>> = DEFAULT_PRICES,
): ModelPrice | undefined {
  const exact = prices[modelId];
  if (exact) return exact;
  let best: string | undefined;
  for (const key of Object.keys(prices)) {
    if (modelId.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : prices[best];
}

/** Estimated cost in USD, or undefined when the model has no known price. */
export function estimateCost(
  usage: TokenUsage,
  modelId: string,
  prices: Readonly<Record<string, ModelPrice>> = DEFAULT_PRICES,
): number | undefined {
  const price = findPrice(modelId, prices);
  if (!price) return undefined;
  return (
    (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000
  );
}

/** Rough token count of a request's messages (4 characters per token), for the check before a call. */
export function estimateInputTokens(request: CompletionRequest): number {
  let characters = 0;
  for (const message of request.messages) characters += message.content.length;
  return Math.ceil(characters / 4);
}

export interface BudgetOptions {
  /** Most calls for one article (default 40). Cache hits do not count. */
  maxCalls?: number;
  /** Most input + output tokens for one article (default 200 000). */
  maxTokens?: number;
  /**
   * Model id priced for the cost estimate (default: the id each call reports).
   * Prices: `DEFAULT_PRICES` overridden key by key by `prices`.
   */
  prices?: Readonly<Record<string, ModelPrice>>;
}

/** What was spent so far. */
export interface BudgetReport {
  /** Calls made (reached the provider, successful or not). */
  calls: number;
  /** Calls answered by the response cache (free). */
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  /** Estimated cost in USD; undefined when some model used has no known price. */
  estimatedCostUsd: number | undefined;
  maxCalls: number;
  maxTokens: number;
}

export { DEFAULT_MAX_CALLS, DEFAULT_MAX_TOKENS };

/**
 * The budget of one article, shared by all its calls (also concurrent ones: a
 * call is counted when it starts). Create one per article.
 */
export class LlmBudget {
  readonly maxCalls: number;
  readonly maxTokens: number;
  private readonly prices: Readonly<Record<string, ModelPrice>>;
  private calls = 0;
  private cacheHits = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private cost: number | undefined = 0;

  constructor(options: BudgetOptions = {}) {
    this.maxCalls = options.maxCalls ?? DEFAULT_MAX_CALLS;
    this.maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
    this.prices = { ...DEFAULT_PRICES, ...options.prices };
  }

  /** Tokens spent so far (input + output). */
  get usedTokens(): number {
    return this.inputTokens + this.outputTokens;
  }

  /**
   * Throws `LlmBudgetError` when one more call would break the budget: the
   * calls are spent, or the tokens spent plus this request's estimated input
   * would pass `maxTokens`.
   */
  check(request?: CompletionRequest): void {
    if (this.calls >= this.maxCalls) {
      throw new LlmBudgetError(
        `budget LLM épuisé : ${this.calls} appels sur ${this.maxCalls} pour cet article (relevez --max-calls, PLUME_MAX_CALLS ou llm.maxCalls)`,
        { limit: 'calls', used: this.calls, max: this.maxCalls },
      );
    }
    const next = request ? estimateInputTokens(request) : 0;
    if (this.usedTokens >= this.maxTokens || this.usedTokens + next > this.maxTokens) {
      throw new LlmBudgetError(
        `budget LLM épuisé : ${this.usedTokens} jetons sur ${this.maxTokens} pour cet article${next ? `, l’appel suivant en demande environ ${next}` : ''} (relevez --max-tokens, PLUME_MAX_TOKENS ou llm.maxTokens)`,
        { limit: 'tokens', used: this.usedTokens, max: this.maxTokens },
      );
    }
  }

  /** Checks, then counts one call. Use before reaching the provider. */
  startCall(request?: CompletionRequest): void {
    this.check(request);
    this.calls += 1;
  }

  /** Adds the tokens of a call (or of a failed call that still cost tokens). */
  recordUsage(usage: TokenUsage, modelId: string): void {
    this.inputTokens += usage.inputTokens;
    this.outputTokens += usage.outputTokens;
    if (this.cost !== undefined) {
      const cost = estimateCost(usage, modelId, this.prices);
      this.cost = cost === undefined ? undefined : this.cost + cost;
    }
  }

  /** Counts an answer served by the cache: no call, no tokens. */
  recordCacheHit(): void {
    this.cacheHits += 1;
  }

  /**
   * Turns a counted call into a cache hit (for a cache placed inside the budget
   * wrapper, which learns only afterwards that no call was made).
   */
  convertCallToCacheHit(): void {
    this.calls = Math.max(0, this.calls - 1);
    this.cacheHits += 1;
  }

  report(): BudgetReport {
    return {
      calls: this.calls,
      cacheHits: this.cacheHits,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      estimatedCostUsd: this.cost,
      maxCalls: this.maxCalls,
      maxTokens: this.maxTokens,
    };
  }
}

function usageOf(error: unknown): TokenUsage | undefined {
  const usage = (error as { usage?: unknown } | undefined)?.usage;
  return usage && typeof usage === 'object' ? (usage as TokenUsage) : undefined;
}

/**
 * Wraps `model` so each call is checked against and counted in `budget`. Put it
 * outside `withRetries` (a call and its retries count once; the tokens of every
 * attempt are counted) and inside `withCache` (hits cost nothing).
 */
export function withBudget(model: LanguageModel, budget: LlmBudget): LanguageModel {
  const complete = async (request: CompletionRequest): Promise<CompletionResult> => {
    budget.startCall(request);
    let result: CompletionResult;
    try {
      result = await model.complete(request);
    } catch (error) {
      const usage = usageOf(error);
      if (usage) budget.recordUsage(usage, model.modelId);
      throw error;
    }
    if (result.cached) budget.convertCallToCacheHit();
    else budget.recordUsage(result.usage, model.modelId);
    return result;
  };
  return {
    provider: model.provider,
    modelId: model.modelId,
    ...(model.baseUrl === undefined ? {} : { baseUrl: model.baseUrl }),
    ...(model.temperature === undefined ? {} : { temperature: model.temperature }),
    complete,
  };
}
