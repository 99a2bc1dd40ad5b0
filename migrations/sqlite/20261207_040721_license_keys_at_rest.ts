import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { canonicalLicenseKey } from '../../src/lib/licenseKey'
import {
  isSealedLicenseKey,
  licenseKeyIndex,
  openLicenseKey,
  sealLicenseKey,
} from '../../src/lib/licenseKeyAtRest'

/** Seals and indexes every key still stored in the clear (rows written before this migration). */
export const sealExistingKeys = async ({ db, payload }: Pick<MigrateUpArgs, 'db' | 'payload'>) => {
  const rows = (await db.all(sql`SELECT id, key FROM licenses WHERE key IS NOT NULL`)) as Array<{
    id: number
    key: string
  }>
  for (const { id, key } of rows) {
    if (isSealedLicenseKey(key)) continue
    const index = licenseKeyIndex(payload.secret, canonicalLicenseKey(key) ?? key)
    const sealed = sealLicenseKey(payload.secret, key)
    await db.run(sql`UPDATE licenses SET key = ${sealed}, key_index = ${index} WHERE id = ${id}`)
  }
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`licenses_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`key_index\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`licenses_key_index_idx\` ON \`licenses\` (\`key_index\`);`)
  await sealExistingKeys({ db, payload })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  const rows = (await db.all(sql`SELECT id, key FROM licenses WHERE key IS NOT NULL`)) as Array<{
    id: number
    key: string
  }>
  for (const { id, key } of rows) {
    if (!isSealedLicenseKey(key)) continue
    const clear = openLicenseKey(payload.secret, key)
    await db.run(sql`UPDATE licenses SET key = ${clear} WHERE id = ${id}`)
  }
  await db.run(sql`DROP INDEX \`licenses_key_index_idx\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`licenses_key_idx\` ON \`licenses\` (\`key\`);`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`key_index\`;`)
}
