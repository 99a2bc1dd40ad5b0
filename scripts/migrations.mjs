#!/usr/bin/env node
// Production runs on migrations, one folder per database adapter, kept in step with the config.
//   node scripts/migrations.mjs create <name>   writes a migration for PostgreSQL and for SQLite
//   node scripts/migrations.mjs check           fails when the config has changes no migration has
import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const adapters = [
  { folder: 'migrations/postgres', databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres' },
  {
    folder: 'migrations/sqlite',
    databaseUrl: `file:${path.join(os.tmpdir(), 'hub-migration-check.db')}`,
  },
]
const [command, name = 'change'] = process.argv.slice(2)
if (!['create', 'check'].includes(command)) {
  console.error('usage: node scripts/migrations.mjs create <name> | check')
  process.exit(2)
}

let missing = false
for (const adapter of adapters) {
  const before = new Set(readdirSync(adapter.folder))
  const result = spawnSync(
    'npx',
    ['payload', 'migrate:create', command === 'check' ? 'schema_check' : name, '--skip-empty'],
    {
      stdio: 'inherit',
      // migrate:create only diffs the config against the last snapshot: it does not connect.
      env: {
        ...process.env,
        DATABASE_URL: adapter.databaseUrl,
        NODE_OPTIONS: '--no-deprecation --conditions=production',
        SEED_ON_INIT: 'false',
        SCHEDULED_TASKS: 'off',
      },
    },
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
  const added = readdirSync(adapter.folder).filter((file) => !before.has(file))
  if (command === 'create') {
    console.log(
      added.length
        ? `${adapter.folder}: wrote ${added.join(', ')}`
        : `${adapter.folder}: no schema change`,
    )
    continue
  }
  if (added.length) {
    missing = true
    console.error(
      `${adapter.folder}: the config has schema changes without a migration. Run: npm run migrate:create -- <name>`,
    )
    for (const file of added) rmSync(path.join(adapter.folder, file))
    spawnSync('git', ['checkout', '--', path.join(adapter.folder, 'index.ts')], {
      stdio: 'inherit',
    })
  } else {
    console.log(`${adapter.folder}: up to date`)
  }
}
process.exit(missing ? 1 : 0)
