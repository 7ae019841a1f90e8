import type { Command } from 'commander';
import type { LlmConfigFlags } from '../llm/load-llm-config.js';
import { UsageError } from './usage-error.js';

/** The writer and LLM flags shared by `optimize`, `batch`, `worker` and `serve` (see create-cli-writer.ts). */
export interface WriterFlagOptions {
  writer?: string;
  provider?: string;
  model?: string;
  baseUrl?: string;
  modelPath?: string;
  temperature?: string;
  maxCalls?: string;
  maxTokens?: string;
  repairRounds?: string;
  timeout?: string;
  cache: boolean;
  cacheDir?: string;
  config?: string;
}

/** Adds the writer and LLM flags to a command. `--concurrency` is each command's own (sections or articles). */
export function addWriterOptions(command: Command): Command {
  return command
    .option('--writer <name>', 'offline to ignore a configured LLM provider')
    .option(
      '--provider <name>',
      'LLM provider: openai, openai-compatible, anthropic, mistral, local (default: offline writer)',
    )
    .option('--model <id>', 'model id (e.g. gpt-4o-mini, qwen2.5, claude-3-5-haiku-latest)')
    .option(
      '--base-url <url>',
      'API base URL (required for openai-compatible, e.g. http://localhost:11434/v1)',
    )
    .option('--model-path <file>', 'GGUF model file for --provider local')
    .option('--temperature <n>', 'sampling temperature, 0-2')
    .option('--max-calls <n>', 'most LLM calls for one article (default: 40)')
    .option('--max-tokens <n>', 'most tokens for one article (default: 200000)')
    .option('--repair-rounds <n>', 'repair rounds after the first draft (default: 2)')
    .option('--timeout <ms>', 'timeout of one LLM call in milliseconds (default: 60000)')
    .option('--no-cache', 'do not read or write the LLM response cache')
    .option('--cache-dir <dir>', 'LLM response cache directory (default: .plume-cache/llm)')
    .option('--config <file>', 'configuration file (default: plume.config.json or .plumerc.json)');
}

/** The flags as `loadLlmConfig` takes them; absent flags stay absent so that env and file still apply. */
export function writerFlags(options: WriterFlagOptions): LlmConfigFlags {
  return {
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.modelPath ? { modelPath: options.modelPath } : {}),
    ...(options.temperature ? { temperature: options.temperature } : {}),
    ...(options.maxCalls ? { maxCalls: options.maxCalls } : {}),
    ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}),
    ...(options.repairRounds ? { repairRounds: options.repairRounds } : {}),
    ...(options.timeout ? { timeoutMs: options.timeout } : {}),
    ...(options.cache ? {} : { cache: false }),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  };
}

/** Only the offline writer can be forced by name; an LLM is chosen with --provider. */
export function checkWriterName(writer: string | undefined): void {
  if (writer !== undefined && writer !== 'offline') {
    throw new UsageError(
      `unknown writer "${writer}": only "offline" can be forced; use --provider for an LLM.`,
    );
  }
}
