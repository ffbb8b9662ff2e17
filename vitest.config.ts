import { defineConfig } from 'vitest/config';

/** Unit and integration tests beside the code. Browser tests run with vitest.browser.config.ts. */
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'evals/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
