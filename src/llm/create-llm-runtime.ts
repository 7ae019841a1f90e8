/**
 * Puts the layers together, in the one order that counts right:
 *
 *   withCache  ->  withBudget  ->  withRetries  ->  [wrapProvider, e.g. the batch's gate]  ->  provider
 *
 * - the cache is outermost: a hit makes no call, so it neither spends nor is
 *   stopped by the budget (it is counted as a cache hit);
 * - the budget sits outside the retries: one call and its retries count as one
 *   call, and the tokens of every attempt are added (`withRetries` sums them);
 * - the retries own the per-attempt timeout and the answer checks, so only
 *   good answers reach the cache.
 */

import { LlmBudget, withBudget } from './budget.js';
import { createLanguageModel, type ProviderDependencies } from './create-language-model.js';
import type { LanguageModel } from './language-model.js';
import { type LlmConfig, toProviderSettings } from './load-llm-config.js';
import { ResponseCache, withCache } from './response-cache.js';
import { type RetryOptions, withRetries } from './with-retries.js';

export interface LlmRuntimeDependencies extends ProviderDependencies {
  /** Extra retry options (sleep, clock and random for tests, onRetry for progress). */
  retry?: Omit<RetryOptions, 'maxRetries' | 'timeoutMs' | 'secrets'>;
  /** Use this cache instead of one built from `config.cache` (still off when `config.cache.enabled` is false). */
  cache?: ResponseCache;
  /**
   * Wraps the bare provider, under the retries: the batch's gate on calls in flight
   * (`batch/provider-gate.ts`), so that each attempt, not each call, takes a place.
   */
  wrapProvider?: (provider: LanguageModel) => LanguageModel;
}

/** One article's model and its budget. */
export interface ArticleLanguageModel {
  model: LanguageModel;
  budget: LlmBudget;
}

export interface LlmRuntime {
  readonly config: LlmConfig;
  /** The provider with retries, timeouts and answer checks; shared by all articles. */
  readonly reliableModel: LanguageModel;
  /** Undefined when the cache is off (`--no-cache`). */
  readonly cache: ResponseCache | undefined;
  /** A fresh budget and the full stack for one article. */
  forArticle(): ArticleLanguageModel;
}

/**
 * Builds the provider once (throws `LlmAuthenticationError` if its key is
 * missing, `LlmConfigError` if the setup is wrong) and hands out one model per
 * article, each with its own budget.
 */
export function createLlmRuntime(config: LlmConfig, dependencies: LlmRuntimeDependencies = {}): LlmRuntime {
  const bare = createLanguageModel(toProviderSettings(config), dependencies);
  const provider = dependencies.wrapProvider ? dependencies.wrapProvider(bare) : bare;
  const reliableModel = withRetries(provider, {
    ...dependencies.retry,
    maxRetries: config.maxRetries,
    timeoutMs: config.timeoutMs,
    secrets: [config.apiKey],
  });
  const cache = config.cache.enabled
    ? (dependencies.cache ?? new ResponseCache({ dir: config.cache.dir, maxBytes: config.cache.maxBytes }))
    : undefined;
  return {
    config,
    reliableModel,
    cache,
    forArticle() {
      const budget = new LlmBudget({
        maxCalls: config.maxCalls,
        maxTokens: config.maxTokens,
        prices: config.prices,
      });
      const budgeted = withBudget(reliableModel, budget);
      return { model: withCache(budgeted, cache, { budget }), budget };
    },
  };
}
