import { LlmBudget, withBudget } from '../llm/budget.js';
import { createLanguageModel } from '../llm/create-language-model.js';
import { type LlmConfig, toProviderSettings } from '../llm/load-llm-config.js';
import { ResponseCache, withCache } from '../llm/response-cache.js';
import { withRetries } from '../llm/with-retries.js';
import { createLlmWriter } from '../write/llm/llm-writer.js';
import type { ArticleProcessor } from './article-processor.js';
import { ProviderGate, withProviderGate } from './provider-gate.js';
import { runArticleTask } from './run-article-task.js';

export interface LlmProcessorOptions {
  config: LlmConfig;
  /** Articles written at once (default 4). */
  concurrency?: number;
  /** Provider calls in flight at once, all articles together (default 8). */
  callsInFlight?: number;
  /** Stops the calls in flight (Ctrl-C, SIGTERM). */
  signal?: AbortSignal;
}

/**
 * LLM articles on this thread (the work is waiting on the provider, not
 * computing): one provider, one gate and one response cache for the whole
 * batch; one budget per article (`llm.maxCalls`, `llm.maxTokens` stay per article).
 *
 *   cache -> budget (article) -> retries -> gate (batch) -> provider
 */
export function createLlmProcessor(options: LlmProcessorOptions): ArticleProcessor {
  const { config } = options;
  const provider = createLanguageModel(toProviderSettings(config));
  const gate = new ProviderGate({ maxInFlight: options.callsInFlight ?? 8 });
  const reliable = withRetries(withProviderGate(provider, gate), {
    maxRetries: config.maxRetries,
    timeoutMs: config.timeoutMs,
    secrets: [config.apiKey],
  });
  const cache = config.cache.enabled ? new ResponseCache({ dir: config.cache.dir }) : undefined;
  return {
    concurrency: Math.max(1, options.concurrency ?? 4),
    description: `${provider.provider}:${provider.modelId}, ${Math.max(1, options.concurrency ?? 4)} articles at once`,
    async process(task) {
      const budget = new LlmBudget({
        maxCalls: config.maxCalls,
        maxTokens: config.maxTokens,
        prices: config.prices,
      });
      const model = withCache(withBudget(reliable, budget), cache, { budget });
      const writer = createLlmWriter({
        model,
        concurrency: config.concurrency,
        repairRounds: config.repairRounds,
        ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
      });
      return runArticleTask(task, { writer, budget, ...(options.signal ? { signal: options.signal } : {}) });
    },
    async close() {},
  };
}
