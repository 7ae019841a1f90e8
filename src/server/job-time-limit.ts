/**
 * Longest an offline optimize or audit of `plume serve` may compute on its worker thread, in
 * milliseconds. A 5 MB article takes 20 s on a quiet 2-core machine and over 60 s on a loaded one;
 * the limit leaves room for that, and still frees a thread held by an input nobody can wait for.
 * Its own module: the CLI reads it without loading the server.
 */
export const DEFAULT_JOB_TIME_LIMIT_MS = 120_000;
