/**
 * Defaults of the LLM budget and retries, apart from the code that applies them: the settings table
 * (`llm-settings.ts`), read at every `plume` start for the flags' help, needs only these numbers, not
 * the budget, the retries and their errors (three more modules to load before any command runs).
 */

/** Model calls one article may make. */
export const DEFAULT_MAX_CALLS = 40;
/** Tokens (input and output) one article may use. */
export const DEFAULT_MAX_TOKENS = 200_000;
/** Longest wait for one model call, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries of a model call that failed in a way worth retrying. */
export const DEFAULT_MAX_RETRIES = 3;
