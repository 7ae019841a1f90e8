/**
 * Typed errors of the LLM layer. Each class has a stable `name` (safe to test
 * across module copies) and a `static isInstance` guard. Messages are meant to
 * be shown to users as they are: one clear line, never a secret. Any text taken
 * from a provider (error bodies, answers) goes through `redactSecrets` first.
 */

import type { TokenUsage } from './language-model.js';

const REDACTED = '[redacted]';

/**
 * Things that look like credentials whatever the provider echoes back, e.g.
 * OpenAI's « Incorrect API key provided: sk-test-****T123 » shows part of the key.
 */
const CREDENTIAL_REPLACEMENTS: readonly [RegExp, string][] = [
  // `api_key=...`, `"x-api-key": "..."`, `Authorization: Bearer ...`: keep the name, drop the value.
  [
    /\b(api[_-]?key|x-api-key|authorization)(["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"',;&]+/gi,
    `$1$2${REDACTED}`,
  ],
  // A bearer token anywhere else.
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  // OpenAI / Anthropic / Groq / OpenRouter style keys, masked or not (a final dot is punctuation).
  [/\b(?:sk|pk|rk|gsk)-[\w*-][\w*.-]{2,}[\w*]/g, REDACTED],
];

/**
 * Returns `text` with every given secret (and anything shaped like an API key)
 * replaced by `[redacted]`. Secrets shorter than 4 characters are ignored:
 * replacing them would shred ordinary words and they protect nothing.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let redacted = text;
  const usable = secrets
    .filter((secret): secret is string => typeof secret === 'string' && secret.trim().length >= 4)
    .sort((left, right) => right.length - left.length);
  for (const secret of usable) redacted = redacted.split(secret).join(REDACTED);
  for (const [pattern, replacement] of CREDENTIAL_REPLACEMENTS)
    redacted = redacted.replace(pattern, replacement);
  return redacted;
}

/**
 * Returns a model's answer with every known secret (the API key) replaced by
 * `[redacted]`. Only the exact secrets: an answer is article text, where the
 * key-shaped patterns of `redactSecrets` could cut real words. A provider or a
 * proxy that echoes the `Authorization` header must not put the key into the
 * article, the report or the cache.
 */
export function redactAnswer(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.trim().length < 4) continue;
    redacted = redacted.split(secret).join(REDACTED);
  }
  return redacted;
}

/** Keeps a provider's text short enough for a one-line message. */
export function shortenForMessage(text: string, maxLength = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}

function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/** Base class: every error of the LLM layer says whether trying again may help. */
export class LlmError extends Error {
  /** True when the same call may succeed later (rate limit, server error, network, timeout). */
  readonly retryable: boolean;

  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmError';
    this.retryable = options.retryable ?? false;
  }

  static isInstance(error: unknown): error is LlmError {
    return error instanceof Error && error.name.startsWith('Llm') && 'retryable' in error;
  }
}

/** The key is missing or the provider rejected it (401/403). Never retried. */
export class LlmAuthenticationError extends LlmError {
  /** Where the key is expected, e.g. `OPENAI_API_KEY`. */
  readonly keySource: string;
  /** HTTP status when the provider rejected the key; undefined when the key is missing. */
  readonly status: number | undefined;

  constructor(message: string, options: { keySource: string; status?: number }) {
    super(message);
    this.name = 'LlmAuthenticationError';
    this.keySource = options.keySource;
    this.status = options.status;
  }

  static missingKey(keySource: string, provider: string): LlmAuthenticationError {
    return new LlmAuthenticationError(
      `${keySource} n’est pas définie : le fournisseur ${provider} demande une clé d’API (export ${keySource}=…, ou llm.apiKey dans plume.config.json).`,
      { keySource },
    );
  }

  static rejectedKey(keySource: string, status: number, providerMessage?: string): LlmAuthenticationError {
    const what = status === 403 ? 'n’a pas accès à ce modèle' : 'a été refusée';
    const detail = providerMessage ? ` : ${providerMessage}` : '';
    return new LlmAuthenticationError(`la clé de ${keySource} ${what} (${status})${detail}`, {
      keySource,
      status,
    });
  }

  static override isInstance(error: unknown): error is LlmAuthenticationError {
    return hasName(error, 'LlmAuthenticationError');
  }
}

/** 429: too many requests or quota exceeded. Retried, honouring `Retry-After`. */
export class LlmRateLimitError extends LlmError {
  /** The raw `Retry-After` header (seconds or an HTTP date), if the provider sent one. */
  readonly retryAfter: string | undefined;
  /** The wait from a `retry-after-ms` header (OpenAI sends both), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { retryAfter?: string | undefined; retryAfterMs?: number } = {}) {
    super(message, { retryable: true });
    this.name = 'LlmRateLimitError';
    this.retryAfter = options.retryAfter;
    this.retryAfterMs = options.retryAfterMs;
  }

  static override isInstance(error: unknown): error is LlmRateLimitError {
    return hasName(error, 'LlmRateLimitError');
  }
}

/** No answer within the per-call timeout (after all attempts when thrown by `withRetries`). */
export class LlmTimeoutError extends LlmError {
  readonly timeoutMs: number;
  /** How many attempts were made before giving up. */
  readonly attempts: number;

  constructor(message: string, options: { timeoutMs: number; attempts?: number }) {
    super(message, { retryable: true });
    this.name = 'LlmTimeoutError';
    this.timeoutMs = options.timeoutMs;
    this.attempts = options.attempts ?? 1;
  }

  static override isInstance(error: unknown): error is LlmTimeoutError {
    return hasName(error, 'LlmTimeoutError');
  }
}

/** The connection failed or was cut before an answer arrived. Retried. */
export class LlmConnectionError extends LlmError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { retryable: true, cause: options.cause });
    this.name = 'LlmConnectionError';
  }

  static override isInstance(error: unknown): error is LlmConnectionError {
    return hasName(error, 'LlmConnectionError');
  }
}

/**
 * The answer was cut: the model hit its output limit (`finishReason: 'length'`;
 * not retried as is: ask for less, or raise `maxOutputTokens`), or the
 * connection dropped mid-answer (`stream-cut`; retried).
 */
export class LlmTruncatedError extends LlmError {
  /** The partial answer (already redacted). */
  readonly text: string;
  /** Tokens spent on the cut answer, when known: they count against the budget. */
  readonly usage: TokenUsage | undefined;
  readonly reason: 'length' | 'stream-cut';

  constructor(
    message: string,
    options: { text: string; usage?: TokenUsage; reason?: 'length' | 'stream-cut' },
  ) {
    super(message, { retryable: options.reason === 'stream-cut' });
    this.name = 'LlmTruncatedError';
    this.text = options.text;
    this.usage = options.usage;
    this.reason = options.reason ?? 'length';
  }

  static override isInstance(error: unknown): error is LlmTruncatedError {
    return hasName(error, 'LlmTruncatedError');
  }
}

/** The model declined (content filter, or an answer that opens like a refusal). Not retried. */
export class LlmRefusalError extends LlmError {
  /** The refusal text (already redacted), empty for a silent content filter. */
  readonly text: string;
  readonly usage: TokenUsage | undefined;
  readonly reason: 'content-filter' | 'refusal-text';

  constructor(
    message: string,
    options: { text: string; usage?: TokenUsage; reason: 'content-filter' | 'refusal-text' },
  ) {
    super(message);
    this.name = 'LlmRefusalError';
    this.text = options.text;
    this.usage = options.usage;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is LlmRefusalError {
    return hasName(error, 'LlmRefusalError');
  }
}

/**
 * A bad HTTP status (400, 404, 5xx…) or an unusable answer (invalid JSON, empty).
 * Retried only for 5xx/408/409.
 */
export class LlmResponseError extends LlmError {
  /** HTTP status, when the error came from one. */
  readonly status: number | undefined;
  /** The model's answer when it was unusable (already redacted), for a repair prompt. */
  readonly text: string | undefined;
  readonly usage: TokenUsage | undefined;
  /** The raw `Retry-After` header of a 503 and the like, if sent. */
  readonly retryAfter: string | undefined;

  constructor(
    message: string,
    options: {
      status?: number;
      text?: string;
      usage?: TokenUsage;
      retryable?: boolean;
      retryAfter?: string | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(message, { retryable: options.retryable ?? false, cause: options.cause });
    this.name = 'LlmResponseError';
    this.status = options.status;
    this.text = options.text;
    this.usage = options.usage;
    this.retryAfter = options.retryAfter;
  }

  static override isInstance(error: unknown): error is LlmResponseError {
    return hasName(error, 'LlmResponseError');
  }
}

/** The article's budget (calls or tokens) is spent. Checked before each call. */
export class LlmBudgetError extends LlmError {
  readonly limit: 'calls' | 'tokens';
  readonly used: number;
  readonly max: number;

  constructor(message: string, options: { limit: 'calls' | 'tokens'; used: number; max: number }) {
    super(message);
    this.name = 'LlmBudgetError';
    this.limit = options.limit;
    this.used = options.used;
    this.max = options.max;
  }

  static override isInstance(error: unknown): error is LlmBudgetError {
    return hasName(error, 'LlmBudgetError');
  }
}

/**
 * The LLM setup is wrong: invalid config file or variable, unknown provider,
 * missing base URL, local model package or file missing. A usage error (exit 2).
 */
export class LlmConfigError extends LlmError {
  /** One line per problem, each naming the file or variable and the field. */
  readonly issues: readonly string[];

  constructor(message: string, options: { issues?: readonly string[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'LlmConfigError';
    this.issues = options.issues ?? [message];
  }

  static override isInstance(error: unknown): error is LlmConfigError {
    return hasName(error, 'LlmConfigError');
  }
}
