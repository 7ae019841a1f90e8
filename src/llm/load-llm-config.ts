/**
 * Reads the LLM configuration (edge: files and environment). Three layers,
 * each validated with errors that name where the bad value came from:
 *
 *   plume.config.json or .plumerc.json (key `llm`)  <  environment  <  flags
 *
 * Keys come from the provider's variable (OPENAI_API_KEY, ANTHROPIC_API_KEY,
 * MISTRAL_API_KEY, PLUME_API_KEY for openai-compatible) or the file's
 * `llm.apiKey`, never from flags (a command line is visible to every process),
 * and are never echoed: not in errors, not in `JSON.stringify(config)`.
 */

import { resolve } from 'node:path';
import { z } from 'zod';
import { type ConfigFile, fieldLocation, findConfigFile } from '../config/find-config-file.js';
import { DEFAULT_MAX_CALLS, DEFAULT_MAX_TOKENS, DEFAULT_PRICES, type ModelPrice } from './budget.js';
import { API_KEY_VARIABLES, type ProviderSettings } from './create-language-model.js';
import { LlmConfigError } from './llm-errors.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_REPAIR_ROUNDS,
  LLM_SETTINGS,
  type LlmSetting,
  type LlmSettingField,
  type SettingSchema,
} from './llm-settings.js';
import { PROVIDER_NAMES, type ProviderName } from './provider-names.js';
import { DEFAULT_CACHE_DIR, DEFAULT_CACHE_MAX_BYTES } from './response-cache.js';

/** Largest cache size a user may ask for, in MB (1 TB: a typo such as 2000000 is refused, not obeyed). */
const MAX_CACHE_MEGABYTES = 1_000_000;

/** `PLUME_CACHE_MAX_MB`: the cache's size limit in megabytes, a whole number; an issue when it is not one. */
function cacheMegabytesFromEnv(value: string | undefined, issues: string[]): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const megabytes = Number(value.trim());
  if (Number.isInteger(megabytes) && megabytes >= 1 && megabytes <= MAX_CACHE_MEGABYTES) return megabytes;
  issues.push(`PLUME_CACHE_MAX_MB : un nombre entier de Mo entre 1 et ${MAX_CACHE_MEGABYTES} est attendu`);
  return undefined;
}

import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './with-retries.js';

/** Files searched from the working directory upward (see config/find-config-file.ts). */
export { CONFIG_SEARCH_PLACES } from '../config/find-config-file.js';

export { DEFAULT_CONCURRENCY, DEFAULT_REPAIR_ROUNDS } from './llm-settings.js';

/** Default model when only the provider is set (the cheap, capable tier of each). */
export const DEFAULT_MODELS: Partial<Record<ProviderName, string>> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  mistral: 'mistral-small-latest',
};

export interface LlmConfig {
  provider: ProviderName;
  model: string;
  /** API base URL (required for openai-compatible). */
  baseUrl: string | undefined;
  /** The key; not enumerable, so `JSON.stringify(config)` leaves it out. */
  apiKey: string | undefined;
  /** Where the key is (or would be) read from, for messages: `OPENAI_API_KEY`, `plume.config.json llm.apiKey`. */
  apiKeySource: string;
  /** `local` only: the GGUF file (default: `model`). */
  modelPath: string | undefined;
  /** Default temperature (undefined: each provider's default). */
  temperature: number | undefined;
  /** Calls in flight at once for one article (default 4). */
  concurrency: number;
  /** Most calls per article (default 40). */
  maxCalls: number;
  /** Most input + output tokens per article (default 200 000). */
  maxTokens: number;
  /** Repair rounds after the first draft (default 2). */
  repairRounds: number;
  /** Timeout of one attempt in ms (default 60 000). */
  timeoutMs: number;
  /** Retries after a failed attempt (default 3). */
  maxRetries: number;
  /** Response cache: on by default, in `.plume-cache/llm` under the working directory (absolute here). */
  cache: { enabled: boolean; dir: string; maxBytes: number };
  /** Prices per million tokens: `DEFAULT_PRICES` overridden by `llm.prices`. */
  prices: Record<string, ModelPrice>;
  /** The configuration file read, if any (absolute path). */
  configFile: string | undefined;
}

/** Command-line flags, already parsed by the CLI (strings are accepted for numbers), by field of the settings table. */
export type LlmConfigFlags = { [Field in LlmSettingField]?: string | number } & {
  /** `false` for `--no-cache`. */
  cache?: boolean;
  cacheDir?: string;
};

export interface LoadLlmConfigOptions {
  /** Working directory, where the search for the config file starts, going up (default `process.cwd()`). */
  cwd?: string;
  /** Environment (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** A config file to read instead of searching (relative to `cwd`); it must exist. */
  configPath?: string;
  flags?: LlmConfigFlags;
  /**
   * When no provider is set anywhere, resolve to undefined (use the offline
   * writer) instead of throwing. Invalid values still throw. Default false.
   */
  optional?: boolean;
}

const numberBetween = (min: number, max: number) => {
  const message = `un nombre de ${min} à ${max} est attendu`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
};
const integerFrom = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const message =
    max === Number.MAX_SAFE_INTEGER
      ? `un nombre entier d’au moins ${min} est attendu`
      : `un nombre entier de ${min} à ${max} est attendu`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
};
const text = (what: string) =>
  z
    .string({ error: `${what} attendu` })
    .trim()
    .min(1, { error: `${what} attendu` });

function schemaOf(schema: SettingSchema): z.ZodType {
  switch (schema.type) {
    case 'provider':
      return z.enum(PROVIDER_NAMES, { error: `un fournisseur est attendu : ${PROVIDER_NAMES.join(', ')}` });
    case 'url':
      return z.url({
        protocol: /^https?$/,
        error: 'une adresse http ou https est attendue, ex. http://localhost:11434/v1',
      });
    case 'text':
      return text(schema.expected);
    case 'number':
      return numberBetween(schema.min, schema.max);
    case 'integer':
      return integerFrom(schema.min, schema.max);
  }
}

/** One schema per field, shared by the three layers, generated from the settings table. */
const FIELDS = Object.fromEntries(
  LLM_SETTINGS.map((setting) => [setting.field, schemaOf(setting.schema)]),
) as Record<LlmSettingField, z.ZodType>;

const priceSchema = z.strictObject({
  inputPerMillion: numberBetween(0, 10_000),
  outputPerMillion: numberBetween(0, 10_000),
});

const llmSectionSchema = z.strictObject({
  ...(Object.fromEntries(
    LLM_SETTINGS.map((setting) => [setting.field, FIELDS[setting.field].optional()]),
  ) as Record<LlmSettingField, z.ZodOptional<z.ZodType>>),
  apiKey: text('un texte (la clé d’API)').optional(),
  cache: z
    .union(
      [
        z.boolean(),
        z.strictObject({
          enabled: z.boolean().optional(),
          dir: text('un dossier').optional(),
          maxMegabytes: numberBetween(1, MAX_CACHE_MEGABYTES).optional(),
        }),
      ],
      {
        error: `true, false ou { "enabled": booléen, "dir": "dossier", "maxMegabytes": 1 à ${MAX_CACHE_MEGABYTES} } attendu`,
      },
    )
    .optional(),
  prices: z
    .record(z.string(), priceSchema, {
      error: '{ "modèle": { "inputPerMillion": n, "outputPerMillion": n } } attendu',
    })
    .optional(),
});

/** Other sections of the file belong to other parts of Plume: only `llm` is checked here. */
const fileSchema = z.looseObject({ llm: llmSectionSchema.optional() });

/** The TypeScript type of each setting's value, from its schema in the table. */
type SettingValue<Schema> = Schema extends { type: 'provider' }
  ? ProviderName
  : Schema extends { type: 'number' | 'integer' }
    ? number
    : string;
type SettingValues = {
  [Setting in (typeof LLM_SETTINGS)[number] as Setting['field']]?: SettingValue<Setting['schema']>;
};
type LlmSection = SettingValues & Omit<z.infer<typeof llmSectionSchema>, LlmSettingField>;

function formatIssues(file: ConfigFile, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `« ${key} »`).join(', ');
      const plural = issue.keys.length > 1 ? 's' : '';
      return `${fieldLocation(file, path)} : champ${plural} inconnu${plural} ${keys}`;
    }
    return `${fieldLocation(file, path)} : ${issue.message}`;
  });
}

function fail(issues: string[]): never {
  const first = issues[0] ?? 'configuration LLM invalide';
  const others = issues.length - 1;
  const more = others === 1 ? ' (et 1 autre problème)' : ` (et ${others} autres problèmes)`;
  throw new LlmConfigError(others > 0 ? `${first}${more}` : first, { issues });
}

async function readConfigFile(
  cwd: string,
  configPath: string | undefined,
): Promise<{ path: string; label: string; section: LlmSection } | undefined> {
  // Searched upward from cwd (or --config): unreadable files are ConfigErrors naming the file.
  const file = await findConfigFile(cwd, configPath);
  if (!file) return undefined;
  const result = fileSchema.safeParse(file.content);
  if (!result.success) fail(formatIssues(file, result.error.issues));
  // The schemas are generated from the table, so zod cannot infer their types: `SettingValues` states them.
  return { path: file.path, label: file.label, section: (result.data.llm ?? {}) as LlmSection };
}

const SETTINGS_BY_FIELD = new Map<LlmSettingField, LlmSetting>(
  LLM_SETTINGS.map((setting) => [setting.field, setting]),
);

/** A string from the environment or a flag, as the type its field expects ("0.7" → 0.7; "abc" stays and fails). */
function coerce(field: LlmSettingField, value: string | number): unknown {
  const type = SETTINGS_BY_FIELD.get(field)?.schema.type;
  if (typeof value === 'number' || (type !== 'number' && type !== 'integer'))
    return typeof value === 'string' ? value.trim() : value;
  const trimmed = value.trim();
  const number = Number(trimmed);
  return trimmed !== '' && Number.isFinite(number) ? number : trimmed;
}

/** Validates one layer of loose values; issues name the variable or flag. */
function validateLayer(
  values: Partial<Record<LlmSettingField, string | number>>,
  label: (field: LlmSettingField) => string,
): { values: LlmSection; issues: string[] } {
  const output: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const [field, raw] of Object.entries(values) as [LlmSettingField, string | number | undefined][]) {
    if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) continue;
    const result = FIELDS[field].safeParse(coerce(field, raw));
    if (result.success) output[field] = result.data;
    else issues.push(`${label(field)} : ${result.error.issues[0]?.message ?? 'valeur invalide'}`);
  }
  return { values: output as LlmSection, issues };
}

function definedEntries<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

/**
 * Loads and validates the LLM configuration. Throws `LlmConfigError` (one line
 * per problem in `issues`, each naming the file and field, the variable or the
 * flag) on any invalid value, and when no provider is set at all (unless
 * `optional`, which then resolves to undefined).
 */
export function loadLlmConfig(
  options: LoadLlmConfigOptions & { optional: true },
): Promise<LlmConfig | undefined>;
export function loadLlmConfig(options?: LoadLlmConfigOptions & { optional?: false }): Promise<LlmConfig>;
export function loadLlmConfig(options: LoadLlmConfigOptions): Promise<LlmConfig | undefined>;
export async function loadLlmConfig(options: LoadLlmConfigOptions = {}): Promise<LlmConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const flags = options.flags ?? {};
  const file = await readConfigFile(cwd, options.configPath);
  const fromFile = file?.section ?? {};

  const envValues: Partial<Record<LlmSettingField, string>> = {};
  for (const setting of LLM_SETTINGS) {
    const value = env[setting.env];
    if (value !== undefined) envValues[setting.field] = value;
  }
  const fromEnv = validateLayer(envValues, (field) => SETTINGS_BY_FIELD.get(field)?.env ?? field);
  const { cache: cacheFlag, cacheDir: cacheDirFlag, ...fieldFlags } = flags;
  const fromFlags = validateLayer(fieldFlags, (field) => SETTINGS_BY_FIELD.get(field)?.flag ?? field);
  const issues = [...fromEnv.issues, ...fromFlags.issues];
  if (cacheDirFlag !== undefined && cacheDirFlag.trim() === '')
    issues.push('--cache-dir : un dossier est attendu');
  const envCacheMegabytes = cacheMegabytesFromEnv(env.PLUME_CACHE_MAX_MB, issues);
  if (issues.length > 0) fail(issues);

  const merged: LlmSection = { ...definedEntries(fromFile), ...fromEnv.values, ...fromFlags.values };
  const provider = merged.provider;
  if (!provider) {
    if (options.optional) return undefined;
    fail([
      `aucun fournisseur LLM configuré : --provider openai (ou PLUME_PROVIDER=openai, ou llm.provider dans plume.config.json) ; au choix : ${PROVIDER_NAMES.join(', ')}`,
    ]);
  }
  const model =
    merged.model ?? (provider === 'local' ? merged.modelPath : undefined) ?? DEFAULT_MODELS[provider];
  if (!model) {
    fail([
      `le fournisseur ${provider} demande un modèle : --model nom (ou PLUME_MODEL=nom, ou llm.model dans plume.config.json)`,
    ]);
  }
  if (provider === 'openai-compatible' && !merged.baseUrl) {
    fail([
      'le fournisseur openai-compatible demande une adresse : --base-url http://localhost:11434/v1 (ou PLUME_BASE_URL, ou llm.baseUrl) pour Ollama',
    ]);
  }

  // The key: the provider's variable wins over the file.
  let apiKey: string | undefined;
  let apiKeySource = provider === 'local' ? 'none' : API_KEY_VARIABLES[provider];
  if (provider !== 'local') {
    const fromVariable = env[API_KEY_VARIABLES[provider]]?.trim();
    if (fromVariable) apiKey = fromVariable;
    else if (fromFile.apiKey) {
      apiKey = fromFile.apiKey;
      apiKeySource = `${file?.label ?? 'le fichier de configuration'} llm.apiKey`;
    }
  }

  const fileCache = fromFile.cache;
  const fileCacheEnabled = typeof fileCache === 'boolean' ? fileCache : (fileCache?.enabled ?? true);
  const fileCacheDir = typeof fileCache === 'object' ? fileCache.dir : undefined;
  const cacheMegabytes =
    envCacheMegabytes ?? (typeof fileCache === 'object' ? fileCache.maxMegabytes : undefined);
  const cacheDir = cacheDirFlag?.trim() || env.PLUME_CACHE_DIR?.trim() || fileCacheDir || DEFAULT_CACHE_DIR;

  const config: LlmConfig = {
    provider,
    model,
    baseUrl: merged.baseUrl,
    apiKey: undefined,
    apiKeySource,
    modelPath: provider === 'local' ? (merged.modelPath ?? model) : merged.modelPath,
    temperature: merged.temperature,
    concurrency: merged.concurrency ?? DEFAULT_CONCURRENCY,
    maxCalls: merged.maxCalls ?? DEFAULT_MAX_CALLS,
    maxTokens: merged.maxTokens ?? DEFAULT_MAX_TOKENS,
    repairRounds: merged.repairRounds ?? DEFAULT_REPAIR_ROUNDS,
    timeoutMs: merged.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: merged.maxRetries ?? DEFAULT_MAX_RETRIES,
    cache: {
      enabled: cacheFlag ?? fileCacheEnabled,
      dir: resolve(cwd, cacheDir),
      maxBytes:
        cacheMegabytes === undefined ? DEFAULT_CACHE_MAX_BYTES : Math.round(cacheMegabytes * 1024 * 1024),
    },
    prices: { ...DEFAULT_PRICES, ...fromFile.prices },
    configFile: file?.path,
  };
  // Not enumerable: serialising or logging the config never shows the key.
  Object.defineProperty(config, 'apiKey', { value: apiKey, enumerable: false, writable: false });
  return config;
}

/** The provider settings `createLanguageModel` takes, from a loaded config. */
export function toProviderSettings(config: LlmConfig): ProviderSettings {
  return {
    provider: config.provider,
    model: config.model,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    apiKeySource: config.apiKeySource,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    ...(config.modelPath ? { modelPath: config.modelPath } : {}),
  };
}
