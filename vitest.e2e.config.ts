import { defineConfig } from 'vitest/config'

/** End-to-end: the production build served by `next start`, driven by a real Chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
})
