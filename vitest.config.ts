import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Two cores on CI: more forks only add contention.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
