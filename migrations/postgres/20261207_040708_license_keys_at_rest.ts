import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { canonicalLicenseKey } from '../../src/lib/licenseKey'
import {
  isSealedLicenseKey,
  licenseKeyIndex,
  openLicenseKey,
  sealLicenseKey,
} from '../../src/lib/licenseKeyAtRest'

/** Seals and indexes every key still stored in the clear (rows written before this migration). */
export const sealExistingKeys = async ({ db, payload }: Pick<MigrateUpArgs, 'db' | 'payload'>) => {
  const { rows } = await db.execute(sql`SELECT "id", "key" FROM "licenses" WHERE "key" IS NOT NULL`)
  for (const { id, key } of rows as Array<{ id: number; key: string }>) {
    if (isSealedLicenseKey(key)) continue
    const index = licenseKeyIndex(payload.secret, canonicalLicenseKey(key) ?? key)
    const sealed = sealLicenseKey(payload.secret, key)
    await db.execute(
      sql`UPDATE "licenses" SET "key" = ${sealed}, "key_index" = ${index} WHERE "id" = ${id}`,
    )
  }
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "licenses_key_idx";
  ALTER TABLE "licenses" ADD COLUMN "key_index" varchar;
  CREATE UNIQUE INDEX "licenses_key_index_idx" ON "licenses" USING btree ("key_index");`)
  await sealExistingKeys({ db, payload })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  const { rows } = await db.execute(sql`SELECT "id", "key" FROM "licenses" WHERE "key" IS NOT NULL`)
  for (const { id, key } of rows as Array<{ id: number; key: string }>) {
    if (!isSealedLicenseKey(key)) continue
    const clear = openLicenseKey(payload.secret, key)
    await db.execute(sql`UPDATE "licenses" SET "key" = ${clear} WHERE "id" = ${id}`)
  }
  await db.execute(sql`
   DROP INDEX "licenses_key_index_idx";
  CREATE UNIQUE INDEX "licenses_key_idx" ON "licenses" USING btree ("key");
  ALTER TABLE "licenses" DROP COLUMN "key_index";`)
}
