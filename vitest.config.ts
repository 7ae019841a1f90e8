import { defineConfig } from 'vitest/config';

/**
 * Tests that wait for whole processes (the plume binary, redis-server, chromium, npm install): on a loaded 2-core
 * machine one may take minutes to finish. They get a long limit, never a retry; the rest keep 30 s.
 */
const PROCESS_TESTS = [
  'test/batch/batch-{cli,llm,queue,resume}.test.ts',
  'test/cli/**/*.test.ts',
  'test/e2e/**/*.test.ts',
  'test/package/**/*.test.ts',
];

export default defineConfig({
  test: {
    // Two cores: CLI tests spawn processes, so keep the pool small.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: PROCESS_TESTS, testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'processes', include: PROCESS_TESTS, testTimeout: 180_000, hookTimeout: 180_000 },
      },
    ],
  },
});
