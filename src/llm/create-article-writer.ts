import { createLlmWriter } from '../write/llm/llm-writer.js';
import type { Writer } from '../write/writer.js';
import type { LlmBudget } from './budget.js';
import type { LlmRuntime } from './create-llm-runtime.js';

/** A writer for one article, with the budget that counts what it spends. */
export interface LlmArticleWriter {
  writer: Writer;
  budget: LlmBudget;
}

/**
 * The one place an LLM writer is built, for the CLI, the server, the batch and the worker: a model
 * with this article's own budget, and the writer's settings from the runtime's configuration. The
 * budget is the only ledger: the writer's stats are read from it.
 */
export function createArticleWriter(runtime: LlmRuntime): LlmArticleWriter {
  const { config } = runtime;
  const { model, budget } = runtime.forArticle();
  const writer = createLlmWriter({
    model,
    budget,
    concurrency: config.concurrency,
    repairRounds: config.repairRounds,
    ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
  });
  return { writer, budget };
}
