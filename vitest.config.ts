import { configDefaults, defineConfig } from 'vitest/config';

/** Tests run the packages' TypeScript sources: the `@flowline/source` export condition points at them (then Vite's default server conditions). */
const conditions = ['@flowline/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    // The builder in Chromium runs on its own: `pnpm test:browser` (test/builder/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'test/builder/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
