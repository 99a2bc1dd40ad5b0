import { readdirSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Customer, License, Product } from '../../payload-types'
import { drizzleFor, eq, tableOf } from '../../src/database/database'
import { canonicalLicenseKey } from '../../src/lib/licenseKey'
import { isSealedLicenseKey, licenseKeyIndex } from '../../src/lib/licenseKeyAtRest'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense } from '../helpers/fixtures'
import { loginHeaders, rest } from '../helpers/rest'
import { testDatabaseKind } from '../helpers/testDatabase'

/** Every text the licenses table holds for a license, as a database copy would show it. */
const storedRow = async (booted: TestPayload, id: number) => {
  const licenses = tableOf(booted.payload, 'licenses')
  const database = await drizzleFor(booted.payload)
  const [row] = await database.select().from(licenses).where(eq(licenses.id, id))
  return row as Record<string, unknown>
}

describe('license keys at rest: sealed, found through an HMAC index', () => {
  let booted: TestPayload
  let promonitor: Product
  let acme: Customer
  let license: License
  let support: Record<string, string>

  beforeAll(async () => {
    booted = await bootPayload()
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    license = await createLicense(booted.payload, { customer: acme, product: promonitor })
    await booted.payload.create({
      collection: 'users',
      data: { email: 'sam@hub.test', password: 'staff-password-1', roles: ['support'] },
    })
    support = await loginHeaders(booted, 'users', 'sam@hub.test', 'staff-password-1')
  })
  afterAll(async () => booted?.shutdown())

  it('stores no key in the clear: the row holds it sealed and its index, the API answers the key', async () => {
    expect(license.key).toMatch(/^PMON-/)
    const row = await storedRow(booted, license.id)
    expect(isSealedLicenseKey(String(row.key))).toBe(true)
    expect(JSON.stringify(row)).not.toContain(license.key)
    expect(JSON.stringify(row)).not.toContain(license.key!.replaceAll('-', ''))
    expect(row.keyIndex).toBe(licenseKeyIndex(booted.payload.secret, license.key!))

    const answer = await rest(booted, 'GET', `/api/licenses/${license.id}`, { headers: support })
    expect(answer.body.key).toBe(license.key)
    expect(answer.body).not.toHaveProperty('keyIndex')
  })

  it('finds a license by its key however it is pasted, over REST and the Local API', async () => {
    const pasted = license.key!.replaceAll('-', '').toLowerCase()
    for (const where of [
      `where[key][equals]=${encodeURIComponent(license.key!)}`,
      `where[key][equals]=${encodeURIComponent(pasted)}`,
      `where[key][like]=${encodeURIComponent(license.key!)}`,
      `where[or][0][key][in]=${encodeURIComponent(license.key!)}`,
    ]) {
      const answer = await rest(booted, 'GET', `/api/licenses?${where}&depth=0`, {
        headers: support,
      })
      expect(answer.status, where).toBe(200)
      expect(
        (answer.body.docs as License[]).map((doc) => doc.id),
        where,
      ).toEqual([license.id])
    }
    const partial = await rest(
      booted,
      'GET',
      `/api/licenses?where[key][like]=${encodeURIComponent(license.key!.slice(0, 10))}`,
      { headers: support },
    )
    expect(partial.body.docs).toEqual([])
    const local = await booted.payload.find({
      collection: 'licenses',
      where: { key: { equals: license.key } },
    })
    expect(local.docs.map((doc) => doc.key)).toEqual([license.key])
  })

  it('keeps the key through an update that does not touch it', async () => {
    await booted.payload.update({ collection: 'licenses', id: license.id, data: { maxClients: 9 } })
    const reread = await booted.payload.findByID({ collection: 'licenses', id: license.id })
    expect(reread.key).toBe(license.key)
    expect((await storedRow(booted, license.id)).keyIndex).toBe(
      licenseKeyIndex(booted.payload.secret, license.key!),
    )
  })

  it('the migration seals and indexes keys stored in the clear before it', async () => {
    const other = await createLicense(booted.payload, { customer: acme, product: promonitor })
    const licenses = tableOf(booted.payload, 'licenses')
    const database = await drizzleFor(booted.payload)
    await database
      .update(licenses)
      .set({ key: other.key, keyIndex: null })
      .where(eq(licenses.id, other.id))
    const folder = path.resolve('migrations', testDatabaseKind)
    const file = readdirSync(folder).find((name) => name.endsWith('_license_keys_at_rest.ts'))!
    const migration = await import(path.join(folder, file))
    // Only the data step: the columns and index exist already (the test database was pushed).
    await migration.sealExistingKeys({ db: database, payload: booted.payload })
    const row = await storedRow(booted, other.id)
    expect(isSealedLicenseKey(String(row.key))).toBe(true)
    expect(row.keyIndex).toBe(
      licenseKeyIndex(booted.payload.secret, canonicalLicenseKey(other.key!)!),
    )
    const found = await booted.payload.find({
      collection: 'licenses',
      where: { key: { equals: other.key } },
    })
    expect(found.docs.map((doc) => doc.key)).toEqual([other.key])
  })
})
