import type { LlmBudget } from '../llm/budget.js';
import { createLlmRuntime } from '../llm/create-llm-runtime.js';
import { type LlmConfig, type LlmConfigFlags, loadLlmConfig } from '../llm/load-llm-config.js';
import { createLlmWriter } from '../write/llm/llm-writer.js';
import { createOfflineWriter } from '../write/offline-writer.js';
import type { Writer } from '../write/writer.js';

export interface CliWriterOptions {
  /** `offline` forces the offline writer even when a provider is configured. */
  writer?: string;
  configPath?: string;
  flags: LlmConfigFlags;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CliWriter {
  writer: Writer;
  /** Present for an LLM writer: what the article spent. */
  budget?: LlmBudget;
  config?: LlmConfig;
}

/**
 * The offline writer unless a provider is set (flag, environment or config
 * file); then the LLM writer over the full stack: cache, budget, retries.
 */
export async function createCliWriter(options: CliWriterOptions): Promise<CliWriter> {
  if (options.writer === 'offline') return { writer: createOfflineWriter() };
  const config = await loadLlmConfig({
    cwd: options.cwd,
    env: options.env,
    flags: options.flags,
    optional: true,
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });
  if (config === undefined) return { writer: createOfflineWriter() };
  const runtime = createLlmRuntime(config);
  const { model, budget } = runtime.forArticle();
  return {
    writer: createLlmWriter({
      model,
      concurrency: config.concurrency,
      repairRounds: config.repairRounds,
      ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
    }),
    budget,
    config,
  };
}
