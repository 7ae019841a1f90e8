import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { DEFAULT_PRICES } from '../../src/llm/budget.js';
import { LlmConfigError } from '../../src/llm/llm-errors.js';
import {
  type LoadLlmConfigOptions,
  loadLlmConfig,
  toProviderSettings,
} from '../../src/llm/load-llm-config.js';

const KEY = 'sk-test-SECRET123';
let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'plume-config-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function writeConfig(content: unknown, name = 'plume.config.json'): Promise<void> {
  await writeFile(join(cwd, name), typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
}

function load(options: Omit<LoadLlmConfigOptions, 'cwd' | 'optional'> = {}) {
  return loadLlmConfig({ cwd, env: {}, ...options });
}

async function configError(
  options: Omit<LoadLlmConfigOptions, 'cwd' | 'optional'> = {},
): Promise<LlmConfigError | ConfigError> {
  try {
    await load(options);
  } catch (error) {
    // A file that cannot be read is a ConfigError (config/), a bad value an LlmConfigError.
    if (LlmConfigError.isInstance(error) || ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an LlmConfigError');
}

describe('loadLlmConfig', () => {
  it('applies the defaults', async () => {
    const config = await load({ env: { PLUME_PROVIDER: 'openai', OPENAI_API_KEY: KEY } });
    expect(config).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      baseUrl: undefined,
      apiKeySource: 'OPENAI_API_KEY',
      temperature: undefined,
      concurrency: 4,
      maxCalls: 40,
      maxTokens: 200_000,
      repairRounds: 2,
      timeoutMs: 60_000,
      maxRetries: 3,
      cache: { enabled: true, dir: join(cwd, '.plume-cache', 'llm') },
      configFile: undefined,
    });
    expect(config.apiKey).toBe(KEY);
    expect(config.prices['gpt-4o-mini']).toEqual(DEFAULT_PRICES['gpt-4o-mini']);
  });

  it('flags override the environment, which overrides the file', async () => {
    await writeConfig({
      llm: {
        provider: 'anthropic',
        model: 'claude-from-file',
        temperature: 0.1,
        maxCalls: 10,
        concurrency: 2,
        repairRounds: 1,
      },
    });
    const config = await load({
      env: {
        PLUME_MODEL: 'claude-from-env',
        PLUME_TEMPERATURE: '0.5',
        PLUME_MAX_CALLS: '20',
        ANTHROPIC_API_KEY: KEY,
      },
      flags: { temperature: 0.9 },
    });
    expect(config).toMatchObject({
      provider: 'anthropic',
      model: 'claude-from-env',
      temperature: 0.9,
      maxCalls: 20,
      concurrency: 2,
      repairRounds: 1,
      configFile: join(cwd, 'plume.config.json'),
    });
    expect(config.apiKeySource).toBe('ANTHROPIC_API_KEY');
  });

  it('reads every documented variable', async () => {
    const config = await load({
      env: {
        PLUME_PROVIDER: 'openai-compatible',
        PLUME_MODEL: 'llama3.1:8b',
        PLUME_BASE_URL: 'http://localhost:11434/v1',
        PLUME_TEMPERATURE: '0.2',
        PLUME_CONCURRENCY: '8',
        PLUME_MAX_CALLS: '12',
        PLUME_MAX_TOKENS: '5000',
        PLUME_CACHE_DIR: 'tmp/cache',
        PLUME_API_KEY: KEY,
      },
    });
    expect(config).toMatchObject({
      provider: 'openai-compatible',
      model: 'llama3.1:8b',
      baseUrl: 'http://localhost:11434/v1',
      temperature: 0.2,
      concurrency: 8,
      maxCalls: 12,
      maxTokens: 5000,
      cache: { enabled: true, dir: join(cwd, 'tmp', 'cache') },
      apiKeySource: 'PLUME_API_KEY',
    });
    expect(config.apiKey).toBe(KEY);
  });

  it('reads .plumerc.json when there is no plume.config.json', async () => {
    await writeConfig({ llm: { provider: 'mistral' } }, '.plumerc.json');
    const config = await load();
    expect(config).toMatchObject({
      provider: 'mistral',
      model: 'mistral-small-latest',
      configFile: join(cwd, '.plumerc.json'),
    });
  });

  it('prefers plume.config.json over .plumerc.json', async () => {
    await writeConfig({ llm: { provider: 'mistral' } }, '.plumerc.json');
    await writeConfig({ llm: { provider: 'openai' } });
    expect((await load()).provider).toBe('openai');
  });

  it('reads a config path given explicitly, which must exist', async () => {
    await writeConfig({ llm: { provider: 'openai', model: 'gpt-4.1-mini' } }, 'custom.json');
    expect((await load({ configPath: 'custom.json' })).model).toBe('gpt-4.1-mini');
    const error = await configError({ configPath: 'missing.json' });
    expect(error.message).toBe('missing.json : fichier introuvable');
  });

  it('ignores other sections of the file', async () => {
    await writeConfig({ minWords: 900, llm: { provider: 'openai' } });
    expect((await load()).provider).toBe('openai');
  });

  it('takes the key from the file when the variable is not set, and says so', async () => {
    await writeConfig({ llm: { provider: 'openai', apiKey: KEY } });
    const config = await load();
    expect(config.apiKey).toBe(KEY);
    expect(config.apiKeySource).toBe('plume.config.json llm.apiKey');
    const fromEnv = await load({ env: { OPENAI_API_KEY: 'sk-env-OTHER999' } });
    expect(fromEnv.apiKey).toBe('sk-env-OTHER999');
  });

  it('never shows the key when the config is serialised or logged', async () => {
    await writeConfig({ llm: { provider: 'openai', apiKey: KEY } });
    const config = await load();
    expect(JSON.stringify(config)).not.toContain('SECRET123');
    expect(Object.keys(config)).not.toContain('apiKey');
    expect(toProviderSettings(config).apiKey).toBe(KEY);
  });

  it('turns the cache off with the flag (--no-cache) or the file', async () => {
    const env = { PLUME_PROVIDER: 'openai' };
    expect((await load({ env, flags: { cache: false } })).cache.enabled).toBe(false);
    await writeConfig({ llm: { cache: false } });
    expect((await load({ env })).cache.enabled).toBe(false);
    await writeConfig({ llm: { cache: { dir: 'c' } } });
    expect((await load({ env })).cache).toEqual({
      enabled: true,
      dir: join(cwd, 'c'),
      maxBytes: 200 * 1024 * 1024,
    });
    expect((await load({ env, flags: { cacheDir: '/abs/cache' } })).cache.dir).toBe('/abs/cache');
  });

  it('bounds the response cache at 200 MB, or at llm.cache.maxMegabytes, or at PLUME_CACHE_MAX_MB', async () => {
    const env = { PLUME_PROVIDER: 'openai' };
    expect((await load({ env })).cache.maxBytes).toBe(200 * 1024 * 1024);
    await writeConfig({ llm: { cache: { maxMegabytes: 50 } } });
    expect((await load({ env })).cache.maxBytes).toBe(50 * 1024 * 1024);
    expect((await load({ env: { ...env, PLUME_CACHE_MAX_MB: '1000' } })).cache.maxBytes).toBe(
      1000 * 1024 * 1024,
    );
    const error = await configError({ env: { ...env, PLUME_CACHE_MAX_MB: '1 Go' } });
    expect(error.message).toContain(
      'PLUME_CACHE_MAX_MB : un nombre entier de Mo entre 1 et 1000000 est attendu',
    );
  });

  it('merges configured prices over the defaults', async () => {
    await writeConfig({
      llm: { provider: 'openai', prices: { 'gpt-4o-mini': { inputPerMillion: 1, outputPerMillion: 2 } } },
    });
    const config = await load();
    expect(config.prices['gpt-4o-mini']).toEqual({ inputPerMillion: 1, outputPerMillion: 2 });
    expect(config.prices['gpt-4o']).toEqual(DEFAULT_PRICES['gpt-4o']);
  });

  it('uses the model as the file path for local', async () => {
    const config = await load({ env: { PLUME_PROVIDER: 'local', PLUME_MODEL: 'models/qwen.gguf' } });
    expect(config).toMatchObject({
      provider: 'local',
      model: 'models/qwen.gguf',
      modelPath: 'models/qwen.gguf',
      apiKey: undefined,
    });
    expect(toProviderSettings(config)).toMatchObject({ provider: 'local', modelPath: 'models/qwen.gguf' });
  });
});

describe('loadLlmConfig errors', () => {
  it.each([
    [{ llm: { temperature: 3 } }, 'plume.config.json : llm.temperature : un nombre de 0 à 2 est attendu'],
    [{ llm: { temperature: 'hot' } }, 'plume.config.json : llm.temperature : un nombre de 0 à 2 est attendu'],
    [
      { llm: { provider: 'gemini' } },
      'plume.config.json : llm.provider : un fournisseur est attendu : openai, openai-compatible, anthropic, mistral, local',
    ],
    [
      { llm: { maxCalls: 2.5 } },
      'plume.config.json : llm.maxCalls : un nombre entier d’au moins 1 est attendu',
    ],
    [
      { llm: { concurrency: 0 } },
      'plume.config.json : llm.concurrency : un nombre entier de 1 à 64 est attendu',
    ],
    [
      { llm: { baseUrl: 'localhost:11434' } },
      'plume.config.json : llm.baseUrl : une adresse http ou https est attendue, ex. http://localhost:11434/v1',
    ],
    [{ llm: { temprature: 0.5 } }, 'plume.config.json : llm : champ inconnu « temprature »'],
    [
      { llm: { prices: { x: { inputPerMillion: -1, outputPerMillion: 1 } } } },
      'plume.config.json : llm.prices.x.inputPerMillion : un nombre de 0 à 10000 est attendu',
    ],
    [
      { llm: { cache: 'yes' } },
      'plume.config.json : llm.cache : true, false ou { "enabled": booléen, "dir": "dossier", "maxMegabytes": 1 à 1000000 } attendu',
    ],
  ])('file %j: %s', async (content, message) => {
    await writeConfig(content);
    const error = await configError({ env: { PLUME_PROVIDER: 'openai' } });
    expect((error as LlmConfigError).issues[0]).toBe(message);
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('lists every problem of the file', async () => {
    await writeConfig({ llm: { temperature: 9, maxTokens: 0 } });
    const error = await configError();
    expect((error as LlmConfigError).issues).toHaveLength(2);
    expect(error.message).toMatch(/\(et 1 autre problème\)$/);
  });

  it('names the file on invalid JSON', async () => {
    await writeConfig('{ "llm": { ', '.plumerc.json');
    const error = await configError();
    expect(error.message).toMatch(/^\.plumerc\.json : JSON illisible/);
  });

  it('never echoes a key that is badly typed', async () => {
    await writeConfig({ llm: { provider: 'openai', apiKey: ['sk-test-SECRET123'] } });
    const error = await configError();
    expect(error.message).toBe('plume.config.json : llm.apiKey : un texte (la clé d’API) attendu');
    expect(JSON.stringify((error as LlmConfigError).issues)).not.toContain('SECRET123');
  });

  it.each([
    [{ PLUME_TEMPERATURE: 'abc' }, 'PLUME_TEMPERATURE : un nombre de 0 à 2 est attendu'],
    [{ PLUME_MAX_TOKENS: '-5' }, 'PLUME_MAX_TOKENS : un nombre entier d’au moins 1 est attendu'],
    [
      { PLUME_PROVIDER: 'openia' },
      'PLUME_PROVIDER : un fournisseur est attendu : openai, openai-compatible, anthropic, mistral, local',
    ],
    [
      { PLUME_BASE_URL: 'ftp://x' },
      'PLUME_BASE_URL : une adresse http ou https est attendue, ex. http://localhost:11434/v1',
    ],
  ])('environment %j: %s', async (env, message) => {
    const error = await configError({ env: { PLUME_PROVIDER: 'openai', ...env } });
    expect(error.message).toBe(message);
  });

  it('names the flag', async () => {
    const error = await configError({ env: { PLUME_PROVIDER: 'openai' }, flags: { maxCalls: 'many' } });
    expect(error.message).toBe('--max-calls : un nombre entier d’au moins 1 est attendu');
  });

  it('ignores empty variables', async () => {
    const config = await load({ env: { PLUME_PROVIDER: 'openai', PLUME_MODEL: '', PLUME_TEMPERATURE: ' ' } });
    expect(config).toMatchObject({ model: 'gpt-4o-mini', temperature: undefined });
  });

  it('says how to choose a provider when none is set', async () => {
    const error = await configError();
    expect(error.message).toMatch(
      /^aucun fournisseur LLM configuré : --provider openai \(ou PLUME_PROVIDER=openai, ou llm\.provider/,
    );
  });

  it('optional: no provider anywhere resolves to undefined, but invalid values still throw', async () => {
    await expect(loadLlmConfig({ cwd, env: { PLUME_MODEL: 'x' }, optional: true })).resolves.toBeUndefined();
    await expect(loadLlmConfig({ cwd, env: { PLUME_TEMPERATURE: '7' }, optional: true })).rejects.toThrow(
      'PLUME_TEMPERATURE : un nombre de 0 à 2 est attendu',
    );
    const config = await loadLlmConfig({ cwd, env: { PLUME_PROVIDER: 'mistral' }, optional: true });
    expect(config?.provider).toBe('mistral');
  });

  it('needs a model for openai-compatible, and a base URL', async () => {
    expect((await configError({ env: { PLUME_PROVIDER: 'openai-compatible' } })).message).toMatch(
      /demande un modèle : --model nom \(ou PLUME_MODEL=nom/,
    );
    expect(
      (await configError({ env: { PLUME_PROVIDER: 'openai-compatible', PLUME_MODEL: 'qwen2.5' } })).message,
    ).toMatch(/demande une adresse : --base-url http:\/\/localhost:11434\/v1 \(ou PLUME_BASE_URL/);
  });
});
