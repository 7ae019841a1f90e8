/**
 * A content-addressed on-disk cache of LLM answers: the same request to the
 * same model gives the same file, so re-running an article (a test, a fix in
 * the renderer) costs no call. The key never includes the API key.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { LlmBudget } from './budget.js';
import type {
  ChatMessage,
  CompletionRequest,
  CompletionResult,
  FinishReason,
  JsonSchemaFormat,
  LanguageModel,
  TokenUsage,
} from './language-model.js';

/** Default folder, relative to the working directory. */
export const DEFAULT_CACHE_DIR = join('.plume-cache', 'llm');

/** Everything that makes two answers interchangeable (and nothing secret). */
export interface CacheKeyInput {
  provider: string;
  model: string;
  baseUrl?: string | undefined;
  temperature?: number | undefined;
  jsonSchema?: JsonSchemaFormat | undefined;
  messages: readonly ChatMessage[];
  maxOutputTokens?: number | undefined;
}

/** What is stored for one key. */
export interface CachedAnswer {
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
}

/** JSON with object keys sorted at every level, so equal values always hash alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => stableJson(item === undefined ? null : item)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The sha256 (hex) of the stable JSON of `{provider, model, baseUrl, temperature, jsonSchema, messages, maxOutputTokens}`. */
export function cacheKey(input: CacheKeyInput): string {
  const material = {
    provider: input.provider,
    model: input.model,
    baseUrl: input.baseUrl ?? null,
    temperature: input.temperature ?? null,
    jsonSchema: input.jsonSchema ?? null,
    messages: input.messages.map((message) => ({ role: message.role, content: message.content })),
    maxOutputTokens: input.maxOutputTokens ?? null,
  };
  return createHash('sha256').update(stableJson(material)).digest('hex');
}

export interface ResponseCacheOptions {
  /** Cache folder (default `.plume-cache/llm` under `cwd`). Relative paths are taken from `cwd`. */
  dir?: string;
  /** Working directory (default `process.cwd()`). */
  cwd?: string;
  /** Called when reading or writing an entry fails; the cache then acts as a miss (default: ignore). */
  onError?: (error: unknown) => void;
}

function isCachedAnswer(value: unknown): value is CachedAnswer {
  const candidate = value as Partial<CachedAnswer> | undefined;
  return (
    typeof candidate?.text === 'string' &&
    typeof candidate.finishReason === 'string' &&
    typeof candidate.usage?.inputTokens === 'number' &&
    typeof candidate.usage.outputTokens === 'number'
  );
}

/** The files: `<dir>/<first 2 hex>/<key>.json`, written atomically (temporary file, then rename). */
export class ResponseCache {
  readonly dir: string;
  private readonly onError: (error: unknown) => void;

  constructor(options: ResponseCacheOptions = {}) {
    const cwd = options.cwd ?? process.cwd();
    this.dir = resolve(cwd, options.dir ?? DEFAULT_CACHE_DIR);
    this.onError = options.onError ?? (() => undefined);
  }

  pathFor(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The stored answer, or undefined (absent, unreadable or malformed: all misses). */
  async get(key: string): Promise<CachedAnswer | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathFor(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.onError(error);
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      const answer = (parsed as { answer?: unknown }).answer;
      return isCachedAnswer(answer) ? answer : undefined;
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  /** Stores `answer`; a reader never sees a half-written file. Failures are reported, not thrown. */
  async set(
    key: string,
    answer: CachedAnswer,
    about: { provider?: string; model?: string } = {},
  ): Promise<void> {
    const path = this.pathFor(key);
    const entry = {
      version: 1,
      key,
      ...about,
      createdAt: new Date().toISOString(),
      answer: { text: answer.text, usage: answer.usage, finishReason: answer.finishReason },
    };
    try {
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
      await writeFileAtomic(path, `${JSON.stringify(entry, null, 2)}\n`);
    } catch (error) {
      this.onError(error);
    }
  }
}

export interface WithCacheOptions {
  /** The article's budget: each hit is counted there as a cache hit (never as a call). */
  budget?: LlmBudget;
}

/**
 * Wraps `model` with `cache` (or returns `model` as is when `cache` is undefined,
 * i.e. `--no-cache`). A hit returns the stored answer with `cached: true` and
 * makes no call; a miss calls `model` and stores the answer (only answers that
 * came back, i.e. passed `withRetries`' checks). Identical concurrent requests
 * share one call.
 */
export function withCache(
  model: LanguageModel,
  cache: ResponseCache | undefined,
  options: WithCacheOptions = {},
): LanguageModel {
  if (!cache) return model;
  const inFlight = new Map<string, Promise<CompletionResult>>();

  const complete = async (request: CompletionRequest): Promise<CompletionResult> => {
    const key = cacheKey({
      provider: model.provider,
      model: model.modelId,
      baseUrl: model.baseUrl,
      temperature: request.temperature ?? model.temperature,
      jsonSchema: request.jsonSchema,
      messages: request.messages,
      maxOutputTokens: request.maxOutputTokens,
    });
    const pending = inFlight.get(key);
    if (pending) {
      // The same request is already on its way: share its answer (set synchronously, so no race).
      const shared = await pending;
      options.budget?.recordCacheHit();
      return { ...shared, cached: true };
    }
    const lookup = (async (): Promise<CompletionResult> => {
      const stored = await cache.get(key);
      if (stored) {
        options.budget?.recordCacheHit();
        return { ...stored, cached: true };
      }
      const result = await model.complete(request);
      if (!result.cached) {
        await cache.set(
          key,
          { text: result.text, usage: result.usage, finishReason: result.finishReason },
          { provider: model.provider, model: model.modelId },
        );
      }
      return result;
    })();
    inFlight.set(key, lookup);
    try {
      return await lookup;
    } finally {
      inFlight.delete(key);
    }
  };

  return {
    provider: model.provider,
    modelId: model.modelId,
    ...(model.baseUrl === undefined ? {} : { baseUrl: model.baseUrl }),
    ...(model.temperature === undefined ? {} : { temperature: model.temperature }),
    complete,
  };
}
