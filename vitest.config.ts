import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // axe-core over a rendered page takes 1-2 s alone; with the test files run in parallel on a
          // loaded 2-core machine, one such test took over vitest's default 5 s in CI.
          testTimeout: 20_000,
        },
      },
      {
        // The unit project gets `@/` from WXT's plugin; the browser tests run in Node without it.
        resolve: { alias: { '@/': fileURLToPath(new URL('./', import.meta.url)) } },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Browsers are heavy on a 2-core machine: one test file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
