import type { LlmBudget } from '../llm/budget.js';
import type { LlmConfig, LlmConfigFlags } from '../llm/load-llm-config.js';
import { createOfflineWriter } from '../write/offline-writer.js';
import type { Writer } from '../write/writer.js';

/** The writers a client may ask for. */
export type WriterName = 'offline' | 'llm';

export const WRITER_NAMES: readonly WriterName[] = ['offline', 'llm'];

/** A writer for one article, with the budget that counts what it spends (LLM only). */
export interface ArticleWriter {
  writer: Writer;
  budget?: LlmBudget;
}

/** Hands out a fresh writer per request; the server never shares one between articles. */
export interface WriterFactory {
  /** Writers available: always `offline`, plus `llm` when a provider is configured. */
  readonly names: readonly WriterName[];
  create(name: WriterName): ArticleWriter | Promise<ArticleWriter>;
}

/** Offline only: the default of `createApp`, and what `plume serve` uses when no provider is set. */
export function createOfflineWriterFactory(): WriterFactory {
  return {
    names: ['offline'],
    create: () => ({ writer: createOfflineWriter() }),
  };
}

export interface ConfiguredWriterFactoryOptions {
  /** `offline` ignores any configured provider (default: use it when there is one). */
  writer?: string;
  /** Configuration file to read instead of searching `cwd`. */
  configPath?: string;
  flags: LlmConfigFlags;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface ConfiguredWriterFactory extends WriterFactory {
  /** The provider configuration, for the start-up line (never sent to clients: it names the key's source). */
  config?: LlmConfig;
}

/**
 * The writers `plume serve` offers, decided once at start-up like `createCliWriter` does per run:
 * offline unless a provider is configured by flag, environment or config file. The provider is
 * built once (a missing key fails here, not on the first request); each article gets its own budget.
 */
export async function createConfiguredWriterFactory(
  options: ConfiguredWriterFactoryOptions,
): Promise<ConfiguredWriterFactory> {
  if (options.writer === 'offline') return createOfflineWriterFactory();
  const [{ loadLlmConfig }, { createLlmRuntime }, { createArticleWriter }] = await Promise.all([
    import('../llm/load-llm-config.js'),
    import('../llm/create-llm-runtime.js'),
    import('../llm/create-article-writer.js'),
  ]);
  const config = await loadLlmConfig({
    cwd: options.cwd,
    env: options.env,
    flags: options.flags,
    optional: true,
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });
  if (config === undefined) return createOfflineWriterFactory();
  const runtime = createLlmRuntime(config);
  return {
    names: ['offline', 'llm'],
    config,
    create(name) {
      if (name === 'offline') return { writer: createOfflineWriter() };
      return createArticleWriter(runtime);
    },
  };
}
