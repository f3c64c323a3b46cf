import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:browser`: the builder in headless Chromium against a real `flowline serve --ui`.
 * Kept out of `pnpm test` (see the root vitest.config.ts); .ci/run runs it after that.
 */
const conditions = ['@flowline/source', 'module', 'node', 'development|production'];

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/builder/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
