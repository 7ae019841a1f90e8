/**
 * Builds a `LanguageModel` for one provider on top of the AI SDK (`ai` 6).
 * This is the only place that knows the SDK: it turns our requests into a
 * `generateText` call (structured output for JSON schemas) and the SDK's
 * errors into our typed, secret-free errors. Retries, timeouts, the budget and
 * the cache are wrappers (`with-retries.ts`, `budget.ts`, `response-cache.ts`).
 */

import { createAnthropic } from '@ai-sdk/anthropic';
import { createMistral } from '@ai-sdk/mistral';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  APICallError,
  generateText,
  JSONParseError,
  type JSONSchema7,
  jsonSchema,
  NoObjectGeneratedError,
  Output,
  type LanguageModel as SdkLanguageModel,
  TypeValidationError,
} from 'ai';
import type { CompletionRequest, CompletionResult, FinishReason, LanguageModel } from './language-model.js';
import {
  LlmAuthenticationError,
  LlmConfigError,
  LlmConnectionError,
  LlmError,
  LlmRateLimitError,
  LlmResponseError,
  LlmTruncatedError,
  redactAnswer,
  redactSecrets,
  shortenForMessage,
} from './llm-errors.js';
import { createLocalLanguageModel, type ImportLlamaModule } from './local-model.js';
import { PROVIDER_NAMES, type ProviderName } from './provider-names.js';

export { PROVIDER_NAMES, type ProviderName } from './provider-names.js';

/** The environment variable each provider's key is read from (see `load-llm-config.ts`). */
export const API_KEY_VARIABLES: Record<Exclude<ProviderName, 'local'>, string> = {
  openai: 'OPENAI_API_KEY',
  'openai-compatible': 'PLUME_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  mistral: 'MISTRAL_API_KEY',
};

export interface ProviderSettings {
  provider: ProviderName;
  /** Model id as the provider knows it (`gpt-4o-mini`, `claude-3-5-haiku-latest`, `llama3.1:8b`…). */
  model: string;
  /** API key. Required for openai, anthropic and mistral; optional for openai-compatible (Ollama needs none). */
  apiKey?: string;
  /**
   * Where the key came from, named in error messages instead of the key
   * (default: the provider's variable, e.g. `OPENAI_API_KEY`).
   */
  apiKeySource?: string;
  /** API base URL, e.g. `http://localhost:11434/v1`. Required for openai-compatible; default: the provider's. */
  baseUrl?: string;
  /** Temperature when a request sets none (default: the provider's). */
  temperature?: number;
  /** Per-call timeout in ms, applied by `withRetries` (not here). */
  timeoutMs?: number;
  /** Retries after the first attempt, applied by `withRetries` (not here). */
  maxRetries?: number;
  /** `local` only: the GGUF file (default: `model`, read as a path). */
  modelPath?: string;
}

export interface ProviderDependencies {
  /** The fetch used for every HTTP call (default: the global one). Tests inject one. */
  fetch?: typeof fetch;
  /** `local` only: how to import node-llama-cpp (tests pass a fake module). */
  importLocalModule?: ImportLlamaModule;
}

/** What the error translation needs to know about the call. */
interface ErrorContext {
  provider: ProviderName;
  model: string;
  baseUrl: string | undefined;
  keySource: string;
  secrets: readonly (string | undefined)[];
}

function mapFinishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'content-filter':
    case 'error':
      return reason;
    default:
      // 'tool-calls' (we declare no tools) and 'other'/'unknown'.
      return 'other';
  }
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The message a provider put in its error body, redacted and shortened. */
function providerMessage(error: APICallError, context: ErrorContext): string {
  return shortenForMessage(redactSecrets(error.message, context.secrets));
}

function where(context: ErrorContext): string {
  return context.baseUrl ? ` à ${context.baseUrl}` : '';
}

/**
 * Turns an SDK error into one of ours. Abort errors pass through untouched
 * (`withRetries` tells a timeout from a caller's abort by its own signals).
 * The SDK errors are never kept as `cause`: they carry request bodies and raw
 * response bodies, which may echo a key.
 */
function translateProviderError(error: unknown, context: ErrorContext): unknown {
  if (LlmError.isInstance(error)) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return error;
  const label = `${context.provider} (${context.model})`;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) {
      return new LlmConnectionError(
        `impossible de joindre ${label}${where(context)} : ${providerMessage(error, context)}`,
      );
    }
    if (status >= 200 && status < 300) {
      // The status was fine but the body never arrived whole: the connection dropped mid-answer.
      return new LlmTruncatedError(
        `la connexion à ${label}${where(context)} a été coupée en pleine réponse`,
        {
          text: '',
          reason: 'stream-cut',
        },
      );
    }
    const message = providerMessage(error, context);
    if (status === 401 || status === 403)
      return LlmAuthenticationError.rejectedKey(context.keySource, status, message);
    if (status === 429) {
      const retryAfterMs = Number(headerValue(error.responseHeaders, 'retry-after-ms'));
      return new LlmRateLimitError(`${label} limite nos requêtes (429) : ${message}`, {
        retryAfter: headerValue(error.responseHeaders, 'retry-after'),
        ...(Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? { retryAfterMs } : {}),
      });
    }
    if (status === 404)
      return new LlmResponseError(
        `modèle « ${context.model} » ou son adresse introuvable${where(context)} (404) : ${message}`,
        {
          status,
        },
      );
    const retryable = status === 408 || status === 409 || status >= 500;
    return new LlmResponseError(`${label} a répondu ${status} : ${message}`, {
      status,
      retryable,
      retryAfter: headerValue(error.responseHeaders, 'retry-after'),
    });
  }
  if (JSONParseError.isInstance(error) || TypeValidationError.isInstance(error)) {
    // A body that is not the API's JSON: most often a connection cut mid-answer, or a proxy page.
    return new LlmConnectionError(
      `${label} a envoyé une réponse illisible${where(context)} (incomplète ou pas du JSON)`,
    );
  }
  if (error instanceof TypeError && /fetch failed|terminated|socket|network/i.test(error.message)) {
    return new LlmConnectionError(
      `échec de la connexion à ${label}${where(context)} : ${redactSecrets(error.message, context.secrets)}`,
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  return new LlmResponseError(
    `échec de ${label} : ${shortenForMessage(redactSecrets(text, context.secrets))}`,
    {
      cause: error,
    },
  );
}

/** The schema as sent: without `$schema` (zod's `toJSONSchema` adds it; some APIs reject unknown keywords). */
function providerSchema(schema: Record<string, unknown>): JSONSchema7 {
  const { $schema: _dialect, ...rest } = schema;
  return rest as JSONSchema7;
}

function requireKey(settings: ProviderSettings, keySource: string): string {
  const key = settings.apiKey?.trim();
  if (!key) throw LlmAuthenticationError.missingKey(keySource, settings.provider);
  return key;
}

function createSdkModel(
  settings: ProviderSettings,
  keySource: string,
  fetchFunction?: typeof fetch,
): SdkLanguageModel {
  const common = {
    ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
    ...(fetchFunction ? { fetch: fetchFunction } : {}),
  };
  switch (settings.provider) {
    case 'openai':
      // `.chat()`: the chat completions endpoint, which every OpenAI-like proxy also serves.
      return createOpenAI({ apiKey: requireKey(settings, keySource), ...common }).chat(settings.model);
    case 'anthropic':
      return createAnthropic({ apiKey: requireKey(settings, keySource), ...common })(settings.model);
    case 'mistral':
      return createMistral({ apiKey: requireKey(settings, keySource), ...common })(settings.model);
    case 'openai-compatible': {
      if (!settings.baseUrl)
        throw new LlmConfigError(
          'le fournisseur openai-compatible demande une adresse : --base-url http://localhost:11434/v1 (ou PLUME_BASE_URL, ou llm.baseUrl) pour Ollama',
        );
      const apiKey = settings.apiKey?.trim();
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: settings.baseUrl,
        ...(apiKey ? { apiKey } : {}),
        ...(fetchFunction ? { fetch: fetchFunction } : {}),
        // Ask for usage in streams too, and send `response_format: json_schema`:
        // Ollama, vLLM, llama.cpp server, LM Studio, Groq and OpenRouter accept it.
        includeUsage: true,
        supportsStructuredOutputs: true,
      }).chatModel(settings.model);
    }
    case 'local':
      throw new Error('unreachable: local models are not SDK models');
  }
}

/**
 * The AI SDK prints warnings (e.g. « temperature is not supported by this
 * model ») on the console by default; a CLI with `--json` output must stay
 * quiet. Respect an explicit setting by the host application.
 */
function silenceSdkWarnings(): void {
  const scope = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
  if (scope.AI_SDK_LOG_WARNINGS === undefined) scope.AI_SDK_LOG_WARNINGS = false;
}

/**
 * Creates the model for `settings.provider`. Throws `LlmAuthenticationError`
 * right away when a required key is missing (one line naming the variable) and
 * `LlmConfigError` when openai-compatible has no base URL. For `local`, nothing
 * is loaded until the first call.
 *
 * `complete()` makes exactly one HTTP call (SDK retries off: `maxRetries: 0`).
 * It returns answers cut by the length limit or a content filter as results
 * (`finishReason` says so; `withRetries` turns them into errors), and throws
 * our typed errors for HTTP and network failures, or the abort reason when the
 * request's signal fires.
 */
export function createLanguageModel(
  settings: ProviderSettings,
  dependencies: ProviderDependencies = {},
): LanguageModel {
  const temperatureField = settings.temperature === undefined ? {} : { temperature: settings.temperature };
  if (settings.provider === 'local') {
    return createLocalLanguageModel({
      modelPath: settings.modelPath ?? settings.model,
      modelId: settings.model,
      ...temperatureField,
      ...(dependencies.importLocalModule ? { importModule: dependencies.importLocalModule } : {}),
    });
  }
  if (!PROVIDER_NAMES.includes(settings.provider))
    throw new LlmConfigError(
      `fournisseur « ${String(settings.provider)} » inconnu : ${PROVIDER_NAMES.join(', ')} attendu`,
    );
  const keySource = settings.apiKeySource ?? API_KEY_VARIABLES[settings.provider];
  const sdkModel = createSdkModel(settings, keySource, dependencies.fetch);
  silenceSdkWarnings();
  const context: ErrorContext = {
    provider: settings.provider,
    model: settings.model,
    baseUrl: settings.baseUrl,
    keySource,
    secrets: [settings.apiKey],
  };

  const complete = async (request: CompletionRequest): Promise<CompletionResult> => {
    const temperature = request.temperature ?? settings.temperature;
    const output = request.jsonSchema
      ? Output.object({
          schema: jsonSchema(providerSchema(request.jsonSchema.schema)),
          name: request.jsonSchema.name,
        })
      : undefined;
    // Each provider reads its own key; the others are ignored.
    const strictJsonSchema = request.jsonSchema?.strict ?? false;
    const providerOptions = request.jsonSchema
      ? {
          openai: { strictJsonSchema },
          mistral: { strictJsonSchema },
          openaiCompatible: { strictJsonSchema },
        }
      : undefined;
    try {
      const result = await generateText({
        model: sdkModel,
        messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
        // Our system messages are our own prompts; the article travels as delimited user data.
        allowSystemInMessages: true,
        maxRetries: 0,
        ...(output ? { output, providerOptions } : {}),
        ...(temperature === undefined ? {} : { temperature }),
        ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
        ...(request.signal ? { abortSignal: request.signal } : {}),
      });
      // Before anything else reads it (the writer, the cache): an answer that echoes the key loses it.
      return {
        text: redactAnswer(result.text, context.secrets),
        usage: { inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 },
        finishReason: mapFinishReason(result.finishReason),
      };
    } catch (error) {
      // Structured output that does not parse (cut by the length limit, a refusal,
      // or plain bad JSON): hand the text back; `withRetries` judges it.
      if (NoObjectGeneratedError.isInstance(error)) {
        return {
          text: redactAnswer(error.text ?? '', context.secrets),
          usage: { inputTokens: error.usage?.inputTokens ?? 0, outputTokens: error.usage?.outputTokens ?? 0 },
          finishReason: mapFinishReason(error.finishReason),
        };
      }
      // An abort (the caller's, or `withRetries`' timeout) is not a provider failure: pass its reason on.
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      throw translateProviderError(error, context);
    }
  };

  return {
    provider: settings.provider,
    modelId: settings.model,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    ...temperatureField,
    complete,
  };
}
