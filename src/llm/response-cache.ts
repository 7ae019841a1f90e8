/**
 * A content-addressed on-disk cache of LLM answers: the same request to the
 * same model gives the same file, so re-running an article (a test, a fix in
 * the renderer) costs no call. The key never includes the API key.
 */

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LRUCache } from 'lru-cache';
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

/** Default bound of the folder: past it, the least recently used answers are deleted. */
export const DEFAULT_CACHE_MAX_BYTES = 200 * 1024 * 1024;

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
  /** Largest total size of the entries, in bytes (default: 200 MB); the least recently used go first. */
  maxBytes?: number;
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

/**
 * The files: `<dir>/<first 2 hex>/<key>.json`, written atomically (temporary file, then rename).
 * Bounded: a hit touches its file, so the modification time orders the entries by last use,
 * across runs; the first write of a process lists the folder into an LRU index (lru-cache, sized
 * in bytes), and every entry it evicts is deleted.
 */
export class ResponseCache {
  readonly dir: string;
  readonly maxBytes: number;
  private readonly onError: (error: unknown) => void;
  private index: Promise<LRUCache<string, number>> | undefined;
  /** Deletions of evicted entries under way: a write returns once they are done. */
  private removals: Promise<void>[] = [];

  constructor(options: ResponseCacheOptions = {}) {
    const cwd = options.cwd ?? process.cwd();
    this.dir = resolve(cwd, options.dir ?? DEFAULT_CACHE_DIR);
    this.onError = options.onError ?? (() => undefined);
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
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
    let answer: unknown;
    try {
      answer = (JSON.parse(text) as { answer?: unknown }).answer;
    } catch (error) {
      this.onError(error);
      return undefined;
    }
    if (!isCachedAnswer(answer)) return undefined;
    await this.touch(key, Buffer.byteLength(text));
    return answer;
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
    const text = `${JSON.stringify(entry, null, 2)}\n`;
    try {
      const index = await this.loadIndex();
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
      await writeFileAtomic(path, text);
      index.set(key, Buffer.byteLength(text));
      await this.settleRemovals();
    } catch (error) {
      this.onError(error);
    }
  }

  /** Marks a hit as the most recent use, on disk (for later runs) and in the index when it is loaded. */
  private async touch(key: string, bytes: number): Promise<void> {
    const now = new Date();
    await utimes(this.pathFor(key), now, now).catch(() => {});
    if (this.index) (await this.index).set(key, bytes);
    await this.settleRemovals();
  }

  private async settleRemovals(): Promise<void> {
    const removals = this.removals;
    this.removals = [];
    await Promise.all(removals);
  }

  /** The entries on disk, least recently used first, in an index that deletes what it evicts. */
  private loadIndex(): Promise<LRUCache<string, number>> {
    this.index ??= (async () => {
      const index = new LRUCache<string, number>({
        maxSize: this.maxBytes,
        sizeCalculation: (bytes) => Math.max(1, bytes),
        dispose: (_bytes, key, reason) => {
          if (reason === 'evict')
            this.removals.push(rm(this.pathFor(key), { force: true }).catch(this.onError));
        },
      });
      const entries = await this.listEntries();
      entries.sort((left, right) => left.usedAt - right.usedAt);
      for (const entry of entries) index.set(entry.key, entry.bytes);
      return index;
    })();
    return this.index;
  }

  private async listEntries(): Promise<Array<{ key: string; bytes: number; usedAt: number }>> {
    const folders = await readdir(this.dir).catch(() => [] as string[]);
    const entries: Array<{ key: string; bytes: number; usedAt: number }> = [];
    for (const folder of folders) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue;
      const names = await readdir(join(this.dir, folder)).catch(() => [] as string[]);
      for (const name of names) {
        const match = /^([0-9a-f]{64})\.json$/.exec(name);
        if (!match?.[1]) continue;
        const info = await stat(join(this.dir, folder, name)).catch(() => undefined);
        if (info) entries.push({ key: match[1], bytes: info.size, usedAt: info.mtimeMs });
      }
    }
    return entries;
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
