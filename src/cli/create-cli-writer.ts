import { type ConfigFile, findConfigFile } from '../config/find-config-file.js';
import type { LlmBudget } from '../llm/budget.js';
import type { LlmConfig, LlmConfigFlags } from '../llm/load-llm-config.js';
import { createOfflineWriter } from '../write/offline-writer.js';
import type { Writer } from '../write/writer.js';

export interface CliWriterOptions {
  /** `offline` forces the offline writer even when a provider is configured. */
  writer?: string;
  configPath?: string;
  flags: LlmConfigFlags;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * The configuration file the command already found in `cwd` (null: it found none), so that it is not
   * searched for again; searched when absent.
   */
  configFile?: ConfigFile | null;
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
  const config = await loadCliLlmConfig(options);
  if (config === undefined) return { writer: createOfflineWriter() };
  const [{ createLlmRuntime }, { createArticleWriter }] = await Promise.all([
    import('../llm/create-llm-runtime.js'),
    import('../llm/create-article-writer.js'),
  ]);
  return { ...createArticleWriter(createLlmRuntime(config)), config };
}

/**
 * The LLM configuration the flags, environment and config file give, or undefined for the
 * offline writer. The batch builds its own stack from it (one provider for all articles).
 */
export async function loadCliLlmConfig(options: CliWriterOptions): Promise<LlmConfig | undefined> {
  if (options.writer === 'offline' || !(await mayHaveProvider(options))) return undefined;
  // The LLM stack (AI SDK, zod) is loaded only when a provider may be configured: it weighs on start-up.
  const { loadLlmConfig } = await import('../llm/load-llm-config.js');
  return loadLlmConfig({
    cwd: options.cwd,
    env: options.env,
    flags: options.flags,
    optional: true,
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });
}

/** A provider can only come from a flag, PLUME_PROVIDER or a configuration file with an `llm` section. */
async function mayHaveProvider(options: CliWriterOptions): Promise<boolean> {
  if (options.flags.provider || options.env.PLUME_PROVIDER || options.configPath) return true;
  const file = options.configFile === undefined ? await findConfigFile(options.cwd) : options.configFile;
  return typeof file?.content === 'object' && file.content !== null && 'llm' in file.content;
}
