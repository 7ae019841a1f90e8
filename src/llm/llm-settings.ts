/**
 * The one table of LLM settings. Each row says, for one field of `LlmConfig`,
 * what values it takes, the environment variable and the command-line flag it
 * is read from, its help line and its default. The commander options
 * (`cli/writer-options.ts`), the environment reading, the validation of the
 * three layers and the labels of their errors (`load-llm-config.ts`) are all
 * generated from it, so a flag named in an error is always a real flag.
 *
 * Plain data on purpose: the CLI reads it at start-up, before zod and the AI
 * SDK are loaded (only when a provider is configured).
 */

import {
  DEFAULT_MAX_CALLS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_TOKENS,
  DEFAULT_TIMEOUT_MS,
} from './llm-defaults.js';
import { PROVIDER_NAMES } from './provider-names.js';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_REPAIR_ROUNDS = 2;

/** What a setting accepts; `load-llm-config.ts` turns it into a zod schema. */
export type SettingSchema =
  | { type: 'provider' }
  | { type: 'url' }
  /** A non-empty string; `expected` completes « … attendu » in errors (French). */
  | { type: 'text'; expected: string }
  | { type: 'number'; min: number; max: number }
  | { type: 'integer'; min: number; max?: number };

export interface LlmSetting {
  /** The field in `LlmConfig`, the config file's `llm` section and `LlmConfigFlags`. */
  readonly field: string;
  readonly schema: SettingSchema;
  /** Environment variable. */
  readonly env: string;
  /** Command-line flag and its argument, e.g. `--timeout` `<ms>`. */
  readonly flag: `--${string}`;
  readonly argument: string;
  /** Help line of the flag (the default is appended). */
  readonly help: string;
  /** Default when no layer sets it (none: undefined or decided by the provider). */
  readonly default?: number;
  /**
   * The flag is declared by each command with its own meaning (`--concurrency`:
   * sections at once for `optimize`, articles at once for `batch`), not by
   * `addWriterOptions`; its errors still name it.
   */
  readonly declaredByCommand?: true;
}

export const LLM_SETTINGS = [
  {
    field: 'provider',
    schema: { type: 'provider' },
    env: 'PLUME_PROVIDER',
    flag: '--provider',
    argument: '<name>',
    help: `fournisseur LLM : ${PROVIDER_NAMES.join(', ')} (par défaut : rédacteur hors ligne)`,
  },
  {
    field: 'model',
    schema: { type: 'text', expected: 'un nom de modèle' },
    env: 'PLUME_MODEL',
    flag: '--model',
    argument: '<id>',
    help: 'identifiant du modèle (ex. gpt-4o-mini, qwen2.5, claude-3-5-haiku-latest)',
  },
  {
    field: 'baseUrl',
    schema: { type: 'url' },
    env: 'PLUME_BASE_URL',
    flag: '--base-url',
    argument: '<url>',
    help: 'adresse de base de l’API (obligatoire pour openai-compatible, ex. http://localhost:11434/v1)',
  },
  {
    field: 'modelPath',
    schema: { type: 'text', expected: 'le chemin d’un fichier .gguf' },
    env: 'PLUME_MODEL_PATH',
    flag: '--model-path',
    argument: '<file>',
    help: 'fichier de modèle GGUF pour --provider local',
  },
  {
    field: 'temperature',
    schema: { type: 'number', min: 0, max: 2 },
    env: 'PLUME_TEMPERATURE',
    flag: '--temperature',
    argument: '<n>',
    help: 'température d’échantillonnage, de 0 à 2',
  },
  {
    field: 'concurrency',
    schema: { type: 'integer', min: 1, max: 64 },
    env: 'PLUME_CONCURRENCY',
    flag: '--concurrency',
    argument: '<n>',
    help: 'appels LLM simultanés pour un article',
    default: DEFAULT_CONCURRENCY,
    declaredByCommand: true,
  },
  {
    field: 'maxCalls',
    schema: { type: 'integer', min: 1 },
    env: 'PLUME_MAX_CALLS',
    flag: '--max-calls',
    argument: '<n>',
    help: 'nombre maximal d’appels LLM pour un article',
    default: DEFAULT_MAX_CALLS,
  },
  {
    field: 'maxTokens',
    schema: { type: 'integer', min: 1 },
    env: 'PLUME_MAX_TOKENS',
    flag: '--max-tokens',
    argument: '<n>',
    help: 'nombre maximal de jetons pour un article',
    default: DEFAULT_MAX_TOKENS,
  },
  {
    field: 'repairRounds',
    schema: { type: 'integer', min: 0, max: 10 },
    env: 'PLUME_REPAIR_ROUNDS',
    flag: '--repair-rounds',
    argument: '<n>',
    help: 'tours de réparation après le premier brouillon',
    default: DEFAULT_REPAIR_ROUNDS,
  },
  {
    field: 'timeoutMs',
    schema: { type: 'integer', min: 1 },
    env: 'PLUME_TIMEOUT_MS',
    flag: '--timeout',
    argument: '<ms>',
    help: 'délai maximal d’un appel LLM, en millisecondes',
    default: DEFAULT_TIMEOUT_MS,
  },
  {
    field: 'maxRetries',
    schema: { type: 'integer', min: 0, max: 10 },
    env: 'PLUME_MAX_RETRIES',
    flag: '--max-retries',
    argument: '<n>',
    help: 'nouvelles tentatives d’un appel LLM après un échec',
    default: DEFAULT_MAX_RETRIES,
  },
] as const satisfies readonly LlmSetting[];

export type LlmSettingField = (typeof LLM_SETTINGS)[number]['field'];

type CamelCase<Text extends string> = Text extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Text;

/** The property commander gives a flag's value: `--max-calls` → `maxCalls`, `--timeout` → `timeout`. */
export type FlagAttribute<Flag extends string> = Flag extends `--${infer Name}` ? CamelCase<Name> : never;

/** Same as `FlagAttribute`, at run time. */
export function flagAttribute(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The help line as shown by `--help`, default included. */
export function settingHelp(setting: LlmSetting): string {
  return setting.default === undefined ? setting.help : `${setting.help} (par défaut : ${setting.default})`;
}
