import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(dirname, 'payload.config.ts') },
  },
  test: {
    include: ['test/**/*.spec.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Each file boots its own Payload on its own fresh database; two at a time fits two cores.
    maxWorkers: 2,
    fileParallelism: true,
    // Files share a worker process: Payload's packages (3–4 s of loading) load once per worker,
    // not once per file. Each file still gets the project's modules, Payload's caches and the
    // environment afresh (test/helpers/testEnvironment.ts).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/helpers/testEnvironment.ts'],
  },
})
