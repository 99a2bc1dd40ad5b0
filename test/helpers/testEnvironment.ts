import { afterAll, vi } from 'vitest'

import { removeTempDirs } from './tempDir'

// Runs in every test file before its tests. Files share a worker process (`isolate: false` in
// vitest.config.ts: Payload's packages load once per worker, not once per file), so each file
// starts from the environment the worker started with, and re-evaluates the project's own
// modules: the config, which reads the environment once, and one Payload per file.
const workerEnvKey = Symbol.for('license-update-hub.test.workerEnv')
const worker = globalThis as { [workerEnvKey]?: NodeJS.ProcessEnv }
const workerEnv = (worker[workerEnvKey] ??= { ...process.env })
for (const name of Object.keys(process.env)) if (!(name in workerEnv)) delete process.env[name]
Object.assign(process.env, workerEnv)
vi.resetModules()
// What Payload's packages cache for the process, built from the previous file's config: booted
// instances by key (a route handler given only the config gets the 'default' one), the GraphQL
// schema, the admin's client config and schema maps. The flags are Payload's own way to have
// them rebuilt (what its HMR sets).
const payloadGlobals = globalThis as {
  _payload?: Map<string, unknown>
  _payload_graphql?: { graphql: unknown; promise: unknown }
  _payload_doNotCacheClientConfig?: boolean
  _payload_doNotCacheClientSchemaMap?: boolean
  _payload_doNotCacheSchemaMap?: boolean
}
payloadGlobals._payload?.clear()
if (payloadGlobals._payload_graphql)
  Object.assign(payloadGlobals._payload_graphql, { graphql: null, promise: null })
payloadGlobals._payload_doNotCacheClientConfig = true
payloadGlobals._payload_doNotCacheClientSchemaMap = true
payloadGlobals._payload_doNotCacheSchemaMap = true

// Settings that make a test instance quiet and self-contained. The database itself is chosen per
// file by `bootPayload`.
process.env.SEED_ON_INIT ??= 'false'
process.env.SCHEDULED_TASKS ??= 'off'
process.env.PAYLOAD_SECRET ??= 'test-secret'
// Payload's adapters skip the schema push when the schema equals the last one this process
// pushed; each file's database is new, so push it every time.
process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'

// Registered before the file's own hooks, so it runs after them: after Payload is shut down.
afterAll(removeTempDirs)
