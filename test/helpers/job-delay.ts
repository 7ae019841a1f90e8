const HOOK = new URL('./job-delay-hook.mjs', import.meta.url).href;

/**
 * Environment for a spawned `plume` whose pool threads wait `delayMs` before each job, so a test can
 * interrupt it mid-way. The delay is injected with `node --import` (job-delay-hook.mjs): no production
 * code reads a test variable.
 */
export function jobDelayEnv(delayMs: number): NodeJS.ProcessEnv {
  const inherited = process.env.NODE_OPTIONS ?? '';
  return {
    NODE_OPTIONS: `${inherited} --import=${HOOK}`.trim(),
    PLUME_TEST_JOB_DELAY_MS: String(delayMs),
  };
}
