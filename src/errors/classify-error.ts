/**
 * The one classification of errors, used by the CLI (exit code), the server
 * (HTTP status), the batch and the queue (record, retry) and the LLM writer
 * (lose a section or stop). By `name`, not by class: errors cross worker
 * threads and the queue as a name and a message, and every error class of
 * Plume has a stable `name` with an `isInstance` check built on it.
 *
 * Depends on nothing, so that every floor may use it.
 */

/**
 * - `input`: what the user gave cannot be used (source, option): exit 2, HTTP 4xx;
 * - `setup`: the environment must be fixed first (LLM key, config file, server settings): exit 2;
 * - `provider`: the LLM provider failed or its answer was unusable: the article degrades, never a bug;
 * - `internal`: anything else, a bug of Plume: exit 1, HTTP 500.
 */
export type ErrorKind = 'input' | 'setup' | 'provider' | 'internal';

export interface ErrorClassification {
  kind: ErrorKind;
  /**
   * The same work may succeed if tried again: a provider error that says so
   * (rate limit, outage, timeout), or an unknown error (it may be transient:
   * memory, a lost connection). Bad input and setup never are.
   */
  retryable: boolean;
}

const KIND_BY_NAME: Readonly<Record<string, ErrorKind>> = {
  InputError: 'input',
  UsageError: 'input',
  // A page given by address that cannot be read: refused address, timeout, not HTML, too large.
  FetchArticleError: 'input',
  // The output folder (-o) is the user's: full, read-only, not theirs, or a name outside it.
  OutputError: 'input',
  // Publishing to a CMS refused or unreachable: credentials, rights, REST API off, network (plume publish).
  PublishError: 'input',
  LlmConfigError: 'setup',
  // The configuration file: unreadable, or a field out of bounds (the message names the file and field).
  ConfigError: 'setup',
  LlmAuthenticationError: 'setup',
  ServerConfigError: 'setup',
  LlmError: 'provider',
  LlmRateLimitError: 'provider',
  LlmTimeoutError: 'provider',
  LlmConnectionError: 'provider',
  LlmTruncatedError: 'provider',
  LlmRefusalError: 'provider',
  LlmResponseError: 'provider',
  LlmBudgetError: 'provider',
  LlmPlanError: 'provider',
};

export function classifyError(error: unknown): ErrorClassification {
  const name =
    typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
      ? (error as { name: string }).name
      : '';
  const kind = KIND_BY_NAME[name] ?? 'internal';
  if (kind === 'provider') return { kind, retryable: (error as { retryable?: unknown }).retryable === true };
  return { kind, retryable: kind === 'internal' };
}
