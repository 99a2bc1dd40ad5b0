// Runs in every test worker before any test file: settings that make a test instance quiet and
// self-contained. The database itself is chosen per file by `bootPayload`.
process.env.SEED_ON_INIT ??= 'false'
process.env.SCHEDULED_TASKS ??= 'off'
process.env.PAYLOAD_SECRET ??= 'test-secret'
