/**
 * One gate per LLM provider, shared by every article of a batch: at most N
 * calls in flight at once, and after a 429 every article holds its next call
 * until the provider's `Retry-After` has passed, instead of each article
 * hammering the provider with its own retries.
 */

import type { CompletionRequest, CompletionResult, LanguageModel } from '../llm/language-model.js';
import { LlmRateLimitError } from '../llm/llm-errors.js';
import { parseRetryAfter } from '../llm/with-retries.js';

export interface ProviderGateOptions {
  /** Calls in flight at once, all articles together (default 8). */
  maxInFlight?: number;
  /** Pause after a 429 without `Retry-After`, in ms (default 1 000). */
  defaultPauseMs?: number;
  /** Longest pause honoured, in ms (default 60 000). */
  maxPauseMs?: number;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
}

export class ProviderGate {
  private readonly maxInFlight: number;
  private readonly defaultPauseMs: number;
  private readonly maxPauseMs: number;
  private readonly now: () => number;
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: ProviderGateOptions = {}) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 8);
    this.defaultPauseMs = options.defaultPauseMs ?? 1000;
    this.maxPauseMs = options.maxPauseMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Calls running now (for tests and progress). */
  get running(): number {
    return this.inFlight;
  }

  /** Waits for a free slot and for any rate-limit pause to end. */
  async acquire(signal?: AbortSignal): Promise<void> {
    while (this.inFlight >= this.maxInFlight) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      signal?.throwIfAborted();
    }
    this.inFlight += 1;
    const pause = this.pausedUntil - this.now();
    if (pause > 0) {
      try {
        await sleep(pause, signal);
      } catch (error) {
        this.release();
        throw error;
      }
    }
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.waiting.shift()?.();
  }

  /** Holds every call after a 429 for the provider's `Retry-After` (or the default pause). */
  noteRateLimit(error: LlmRateLimitError): void {
    const wait = error.retryAfterMs ?? parseRetryAfter(error.retryAfter, this.now()) ?? this.defaultPauseMs;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.min(wait, this.maxPauseMs));
  }
}

/** `model`, each call (each attempt, when placed under `withRetries`) passing through `gate`. */
export function withProviderGate(model: LanguageModel, gate: ProviderGate): LanguageModel {
  const complete = async (request: CompletionRequest): Promise<CompletionResult> => {
    await gate.acquire(request.signal);
    try {
      return await model.complete(request);
    } catch (error) {
      if (LlmRateLimitError.isInstance(error)) gate.noteRateLimit(error);
      throw error;
    } finally {
      gate.release();
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

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
