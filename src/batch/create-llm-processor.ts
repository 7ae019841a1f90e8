import { createArticleWriter } from '../llm/create-article-writer.js';
import { createLlmRuntime } from '../llm/create-llm-runtime.js';
import type { LlmConfig } from '../llm/load-llm-config.js';
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
  const gate = new ProviderGate({ maxInFlight: options.callsInFlight ?? 8 });
  // The one composer of the stack; the gate goes under the retries, shared by every article.
  const runtime = createLlmRuntime(config, { wrapProvider: (provider) => withProviderGate(provider, gate) });
  const { reliableModel } = runtime;
  return {
    concurrency: Math.max(1, options.concurrency ?? 4),
    description: `${reliableModel.provider}:${reliableModel.modelId}, ${Math.max(1, options.concurrency ?? 4)} articles at once`,
    async process(task) {
      const { writer } = createArticleWriter(runtime);
      return runArticleTask(task, { writer, ...(options.signal ? { signal: options.signal } : {}) });
    },
    async close() {},
  };
}
