import type { TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { type StaffReader, staffReaderFor } from '../../src/admin/dashboard/staffReader'
import { findAnything } from '../../src/admin/search/findAnything'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
} from '../helpers/fixtures'

type Role = 'support' | 'release-manager' | 'editor'

const idsOf = (hits: Array<{ id: number }>) => hits.map((hit) => hit.id)

describe('find anything, read as the signed-in staff member', () => {
  let booted: TestPayload
  let acmeLicense: License
  let globexLicense: License
  let acmeId: number
  let globexId: number
  let acmeAccountId: number
  let installationId: number
  const readers = {} as Record<Role, StaffReader>

  beforeAll(async () => {
    booted = await bootPayload()
    const { payload } = booted
    const { promonitor } = await createCatalogue(payload)
    const acme = await createCustomer(payload, 'Acme Industrial', [{ email: 'buyer@acme.test' }])
    const globex = await createCustomer(payload, 'Globex Energy', [{ email: 'cfo@globex.test' }])
    acmeId = acme.id
    globexId = globex.id
    acmeLicense = await createLicense(payload, { customer: acme, product: promonitor })
    globexLicense = await createLicense(payload, { customer: globex, product: promonitor })
    acmeAccountId = (
      await createCustomerAccount(payload, 'alice@acme.test', [acme.id], 'k'.repeat(32))
    ).id
    await createCustomerAccount(payload, 'gina@globex.test', [globex.id], 'g'.repeat(32))
    installationId = (
      await payload.create({
        collection: 'activations',
        data: {
          license: acmeLicense.id,
          fingerprint: 'fp-3c1e9a7b44d0',
          hostname: 'plant-monitor-01',
          role: 'app',
          activatedAt: new Date().toISOString(),
        },
      })
    ).id
    for (const role of ['support', 'release-manager', 'editor'] as Role[]) {
      const user = await payload.create({
        collection: 'users',
        data: { email: `${role}@search.test`, password: 'staff-password-1', roles: [role] },
      })
      readers[role] = await staffReaderFor(payload, { ...user, collection: 'users' } as TypedUser)
    }
  })
  afterAll(async () => booted?.shutdown())

  it('finds a license by its key as pasted, with dashes', async () => {
    const results = await findAnything(readers.support, ` ${acmeLicense.key} `)
    expect(idsOf(results.licenses)).toEqual([acmeLicense.id])
    expect(results.licenses[0].detail).toContain('Acme Industrial')
  })

  it('finds a license by its key without dashes, in lower case', async () => {
    const compact = acmeLicense.key!.replaceAll('-', '').toLowerCase()
    expect(idsOf((await findAnything(readers.support, compact)).licenses)).toEqual([acmeLicense.id])
  })

  it('finds no license for a key with a typo (the check symbol refuses it)', async () => {
    const key = globexLicense.key!
    const typo = key.slice(0, 6) + (key[6] === 'A' ? 'B' : 'A') + key.slice(7)
    expect((await findAnything(readers.support, typo)).licenses).toEqual([])
  })

  it('finds a customer by part of its name, and only that company', async () => {
    const results = await findAnything(readers.support, 'acme ind')
    expect(idsOf(results.customers)).toEqual([acmeId])
  })

  it('finds a customer by a contact’s email and the account by its email', async () => {
    const byContact = await findAnything(readers.support, 'cfo@globex.test')
    expect(idsOf(byContact.customers)).toEqual([globexId])
    const byAccount = await findAnything(readers.support, 'alice@acme.test')
    expect(idsOf(byAccount.customerAccounts)).toEqual([acmeAccountId])
    expect(byAccount.customerAccounts[0].detail).toContain('Acme Industrial')
  })

  it('finds an installation by fingerprint or hostname', async () => {
    expect(idsOf((await findAnything(readers.support, 'fp-3c1e9a7b44d0')).installations)).toEqual([
      installationId,
    ])
    expect(idsOf((await findAnything(readers.support, 'plant-monitor')).installations)).toEqual([
      installationId,
    ])
  })

  it('finds a release manager no license by key and no account or installation, but customers', async () => {
    const byKey = await findAnything(readers['release-manager'], acmeLicense.key!)
    expect(byKey.licenses).toEqual([])
    expect(idsOf((await findAnything(readers['release-manager'], 'globex')).customers)).toEqual([
      globexId,
    ])
    const byEmail = await findAnything(readers['release-manager'], 'alice@acme.test')
    expect(byEmail.customerAccounts).toEqual([])
    expect((await findAnything(readers['release-manager'], 'plant-monitor')).installations).toEqual(
      [],
    )
  })

  it('finds an editor nothing of licenses or customers', async () => {
    const byKey = await findAnything(readers.editor, acmeLicense.key!)
    const byName = await findAnything(readers.editor, 'acme')
    expect([...byKey.licenses, ...byName.customers, ...byName.customerAccounts]).toEqual([])
  })

  it('finds nothing for a query shorter than two characters', async () => {
    const results = await findAnything(readers.support, ' a ')
    expect([
      ...results.licenses,
      ...results.customers,
      ...results.customerAccounts,
      ...results.installations,
    ]).toEqual([])
  })
})
