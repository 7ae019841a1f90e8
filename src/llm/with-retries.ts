/**
 * Makes a `LanguageModel` dependable: a timeout per attempt, retries with
 * exponential backoff and full jitter on what may pass (429 honouring
 * `Retry-After`, 5xx, network errors, dropped connections, timeouts, unusable
 * answers), never on what will not (400/401/403/404, the caller's abort), and a
 * check of every answer: cut (`LlmTruncatedError`), refused
 * (`LlmRefusalError`), empty or not the JSON that was asked for
 * (`LlmResponseError`, with the text for a repair prompt).
 */

import type { CompletionRequest, CompletionResult, LanguageModel, TokenUsage } from './language-model.js';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './llm-defaults.js';
import {
  LlmError,
  LlmRateLimitError,
  LlmRefusalError,
  LlmResponseError,
  LlmTimeoutError,
  LlmTruncatedError,
  redactSecrets,
  shortenForMessage,
} from './llm-errors.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 3, so at most 4 attempts). */
  maxRetries?: number;
  /** Timeout of one attempt in ms (default 60 000). */
  timeoutMs?: number;
  /** Backoff ceiling before the first retry, in ms (default 1 000); doubles at each retry. */
  initialDelayMs?: number;
  /** Upper bound of the backoff ceiling, in ms (default 30 000). */
  maxDelayMs?: number;
  /** Upper bound on a provider's `Retry-After`, in ms (default 60 000): we wait at most this. */
  maxRetryAfterMs?: number;
  /** Waits `ms` (default: a timer), rejecting with the signal's reason if it aborts. Tests inject one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Current time in ms since the epoch, to read `Retry-After` dates (default `Date.now`). */
  now?: () => number;
  /** A number in [0, 1) for the jitter (default `Math.random`). */
  random?: () => number;
  /** Called before each wait, e.g. for a progress line or a log. */
  onRetry?: (event: RetryEvent) => void;
  /** Secrets to keep out of messages built from answers (the API key). */
  secrets?: readonly (string | undefined)[];
}

export interface RetryEvent {
  /** The attempt that failed, from 1. */
  attempt: number;
  /** The wait before the next attempt, in ms. */
  delayMs: number;
  error: LlmError;
}

export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS };

/**
 * Refusal openings, matched at the very start of an answer (after trimming,
 * case-insensitive, typographic apostrophes folded). Only the start: an article
 * may well quote « je ne peux pas » further down.
 */
export const REFUSAL_OPENINGS: readonly RegExp[] = [
  // English
  /^(?:i'm|i am) sorry,? (?:but )?(?:i|as an ai)\b.{0,40}?\b(?:can't|cannot|can not|won't|am unable|am not able|must decline)/,
  /^sorry,? (?:but )?i (?:can't|cannot|won't|am unable)/,
  /^i apologi[sz]e,? (?:but )?i (?:can't|cannot|won't|am unable)/,
  /^(?:unfortunately,? )?i (?:can't|cannot|won't|am unable to|am not able to) (?:help|assist|comply|fulfil|provide|do that|complete|rewrite|translate|create|write)/,
  /^as an ai(?: language model| assistant)?,? i (?:can't|cannot|am unable|am not able)/,
  // French
  /^(?:je suis )?(?:désolée?|navrée?),? (?:mais )?je ne (?:peux|pourrai|suis pas en mesure|vais pas pouvoir)/,
  /^je regrette,? (?:mais )?je ne (?:peux|pourrai|suis pas en mesure)/,
  /^(?:malheureusement,? )?je ne (?:peux|pourrai) pas (?:vous aider|répondre|accéder|faire|fournir|traiter|réécrire|traduire|rédiger|satisfaire|accomplir|donner|produire|créer|écrire|générer)/,
  /^(?:malheureusement,? )?je ne suis pas en mesure de/,
  /^en tant qu'(?:ia|intelligence artificielle|assistant|assistante|modèle de langage)\b.{0,40}?je ne (?:peux|suis pas)/,
];

/** True when `text` opens like a refusal (« I'm sorry, but I can't… », « Je ne peux pas vous aider… »). */
export function looksLikeRefusal(text: string): boolean {
  const opening = text.trim().slice(0, 240).toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
  return REFUSAL_OPENINGS.some((pattern) => pattern.test(opening));
}

/** The JSON inside a ```json fence, when a model wrapped its answer in one; else the text. */
function unfence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?\s*```\s*$/i.exec(text);
  return fenced?.[1] ?? text;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Judges one answer: returns it (a fenced JSON answer unwrapped) or throws the
 * typed error that says what is wrong with it. Exported for adapters that do
 * not go through `withRetries`.
 */
export function checkAnswer(
  request: CompletionRequest,
  result: CompletionResult,
  options: { label?: string; secrets?: readonly (string | undefined)[] } = {},
): CompletionResult {
  const label = options.label ?? 'le modèle';
  const text = redactSecrets(result.text, options.secrets ?? []);
  const usage = result.usage;
  if (result.finishReason === 'length') {
    throw new LlmTruncatedError(
      `${label} s’est arrêté à sa limite de sortie : la réponse est coupée${request.maxOutputTokens ? ` (maxOutputTokens ${request.maxOutputTokens})` : ''}`,
      { text, usage, reason: 'length' },
    );
  }
  if (result.finishReason === 'content-filter') {
    throw new LlmRefusalError(
      `${label} a refusé de répondre (filtre de contenu)${text.trim() ? ` : « ${shortenForMessage(text, 120)} »` : ''}`,
      { text, usage, reason: 'content-filter' },
    );
  }
  if (looksLikeRefusal(text)) {
    throw new LlmRefusalError(`${label} a refusé : « ${shortenForMessage(text, 120)} »`, {
      text,
      usage,
      reason: 'refusal-text',
    });
  }
  if (text.trim() === '') {
    throw new LlmResponseError(`${label} a renvoyé une réponse vide`, { text, usage, retryable: true });
  }
  if (request.jsonSchema) {
    const json = unfence(result.text).trim();
    if (!parsesAsJson(json)) {
      throw new LlmResponseError(
        `${label} n’a pas renvoyé de JSON valide pour le schéma « ${request.jsonSchema.name} »`,
        {
          text,
          usage,
          retryable: true,
        },
      );
    }
    if (json !== result.text) return { ...result, text: json };
  }
  return result;
}

/** Milliseconds to wait from a `Retry-After` value: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function addUsage(left: TokenUsage, right: TokenUsage | undefined): TokenUsage {
  if (!right) return left;
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
  };
}

function usageOf(error: unknown): TokenUsage | undefined {
  const usage = (error as { usage?: unknown } | undefined)?.usage;
  return usage && typeof usage === 'object' ? (usage as TokenUsage) : undefined;
}

/** Puts the usage of every attempt on the final error, so the budget counts wasted tokens too. */
function withTotalUsage(error: unknown, total: TokenUsage): unknown {
  if (total.inputTokens + total.outputTokens > 0 && LlmError.isInstance(error) && 'usage' in error) {
    Object.defineProperty(error, 'usage', { value: total, enumerable: true });
  }
  return error;
}

/**
 * Wraps `model`. Each attempt gets its own timeout, combined with the caller's
 * signal (`AbortSignal.any`). The result's usage is the sum over all attempts
 * (a retried bad answer still cost tokens). Throws the last attempt's error, or
 * `LlmTimeoutError` naming the number of attempts.
 */
export function withRetries(model: LanguageModel, options: RetryOptions = {}): LanguageModel {
  const maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const label = `${model.provider} (${model.modelId})`;
  const secrets = options.secrets ?? [];

  const delayBefore = (retry: number, error: LlmError): number => {
    const retryAfter = LlmRateLimitError.isInstance(error)
      ? (error.retryAfterMs ?? parseRetryAfter(error.retryAfter, now()))
      : LlmResponseError.isInstance(error)
        ? parseRetryAfter(error.retryAfter, now())
        : undefined;
    if (retryAfter !== undefined) return Math.min(retryAfter, maxRetryAfterMs);
    // Full jitter: a random wait up to the exponential ceiling spreads concurrent clients apart.
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** retry);
    return Math.floor(random() * ceiling);
  };

  const attempt = async (request: CompletionRequest, attemptNumber: number): Promise<CompletionResult> => {
    const timeout = new AbortController();
    const timer = setTimeout(
      () =>
        timeout.abort(
          new LlmTimeoutError(`${label} n’a pas répondu en ${timeoutMs} ms`, {
            timeoutMs,
            attempts: attemptNumber,
          }),
        ),
      timeoutMs,
    );
    const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
    try {
      const result = await model.complete({ ...request, signal });
      return checkAnswer(request, result, { label, secrets });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      if (timeout.signal.aborted) throw timeout.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  const complete = async (request: CompletionRequest): Promise<CompletionResult> => {
    let spent: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      try {
        const result = await attempt(request, attemptNumber);
        return { ...result, usage: addUsage(spent, result.usage) };
      } catch (error) {
        spent = addUsage(spent, usageOf(error));
        const retryable = LlmError.isInstance(error) && error.retryable && !request.signal?.aborted;
        if (!retryable || attemptNumber > maxRetries) {
          if (LlmTimeoutError.isInstance(error) && attemptNumber > 1) {
            throw new LlmTimeoutError(
              `${label} n’a pas répondu en ${timeoutMs} ms, ${attemptNumber} tentatives`,
              { timeoutMs, attempts: attemptNumber },
            );
          }
          throw withTotalUsage(error, spent);
        }
        const delayMs = delayBefore(attemptNumber - 1, error);
        options.onRetry?.({ attempt: attemptNumber, delayMs, error });
        await sleep(delayMs, request.signal);
      }
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
