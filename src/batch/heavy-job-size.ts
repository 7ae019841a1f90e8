/**
 * Inputs from this size up (characters, or bytes of a file) are heavy jobs for the pool: the example
 * article (7,000 characters) is optimized in a few milliseconds, 100,000 characters take a fraction of a
 * second to seconds, 5 MB tens of seconds. See `RunJobOptions.heavy`.
 */
export const HEAVY_JOB_SIZE = 100_000;
