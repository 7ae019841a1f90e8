/**
 * Inputs from this size up (characters, or bytes of a file) take the pool's threads a while: the example
 * article (7,000 characters) is optimized in a few milliseconds, 100,000 characters in a fraction of a
 * second to seconds, 5 MB in tens of seconds. The server runs them as `heavy` jobs, a batch as `long` ones
 * (see `RunJobOptions`).
 */
export const LARGE_INPUT_SIZE = 100_000;
