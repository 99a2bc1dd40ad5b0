import { afterAll } from 'vitest'

import { removeTempDirs } from './tempDir'

// Runs in every test file before its tests: settings that make a test instance quiet and
// self-contained. The database itself is chosen per file by `bootPayload`.
process.env.SEED_ON_INIT ??= 'false'
process.env.SCHEDULED_TASKS ??= 'off'
process.env.PAYLOAD_SECRET ??= 'test-secret'

// Registered before the file's own hooks, so it runs after them: after Payload is shut down.
afterAll(removeTempDirs)
