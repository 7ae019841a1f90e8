import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores: CLI tests spawn processes, so keep the pool small.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
