import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Activation, Customer, CustomerUser, License } from '../../payload-types'
import { issueCustomerLicenseFile } from '../../plugins/licensing'
import { verifyLicenseFile, type TrustStore } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
  trustServerKeys,
} from '../helpers/fixtures'

// The portal's license file: issued for one of the account's own installations only, bound to
// its fingerprint and verified by the SDK; nothing for another company's or a suspended license.
let booted: TestPayload
let trust: TrustStore
let alice: CustomerUser & { collection: 'customer-users' }
let acme: Customer
let license: License
let globexLicense: License
let machine: Activation
let globexMachine: Activation

const activate = (target: License, hostname: string) =>
  booted.payload.create({
    collection: 'activations',
    data: {
      license: target.id,
      fingerprint: `${hostname}-fingerprint-0123456789abcdef`,
      hostname,
      role: 'app',
      activatedAt: new Date().toISOString(),
    },
  })

beforeAll(async () => {
  booted = await bootPayload()
  const { payload } = booted
  const { promonitor } = await createCatalogue(payload)
  acme = await createCustomer(payload, 'Acme Industrial')
  const globex = await createCustomer(payload, 'Globex Energy')
  await createCustomerAccount(payload, 'alice@acme.test', [acme.id], 'alice-key-000000000001')
  const account = await payload.find({
    collection: 'customer-users',
    where: { email: { equals: 'alice@acme.test' } },
    depth: 0,
  })
  alice = { ...account.docs[0], collection: 'customer-users' }
  license = await createLicense(payload, {
    customer: acme,
    product: promonitor,
    modules: ['reporting'],
  })
  globexLicense = await createLicense(payload, { customer: globex, product: promonitor })
  machine = await activate(license, 'acme-mon-01')
  globexMachine = await activate(globexLicense, 'globex-noc')
  trust = await trustServerKeys(payload)
})

afterAll(async () => {
  await booted?.shutdown()
})

describe('a customer’s license file', () => {
  it('is signed, armoured, bound to the chosen installation and named after it', async () => {
    const file = await issueCustomerLicenseFile(booted.payload, {
      user: alice,
      licenseId: license.id,
      activationId: machine.id,
    })
    if (file.code !== 'ISSUED') throw new Error(`Not issued: ${file.code}`)
    expect(file.fileName).toBe('promonitor-v7-acme-mon-01.lic')
    expect(file.armored).toMatch(/^-----BEGIN LICENSE FILE-----/)
    const claims = await verifyLicenseFile(file.armored, {
      trust,
      fingerprint: machine.fingerprint,
    })
    expect(claims).toMatchObject({
      licenseId: String(license.id),
      key: license.key,
      customer: { id: String(acme.id), name: 'Acme Industrial' },
      modules: ['reporting'],
      fingerprint: machine.fingerprint,
    })
    await expect(
      verifyLicenseFile(file.armored, { trust, fingerprint: 'another-machine' }),
    ).rejects.toMatchObject({ code: 'FINGERPRINT_MISMATCH' })
  })

  it('is not issued for another company’s installation or license, or odd ids', async () => {
    for (const [licenseId, activationId] of [
      [globexLicense.id, globexMachine.id],
      [license.id, globexMachine.id],
      [globexLicense.id, machine.id],
      ['abc', machine.id],
      [license.id, '1 OR 1=1'],
      [license.id, '99999999999999999999'],
    ] as const) {
      const file = await issueCustomerLicenseFile(booted.payload, {
        user: alice,
        licenseId,
        activationId,
      })
      expect(file, `${licenseId}/${activationId}`).toEqual({ code: 'NOT_FOUND' })
    }
  })

  it('is not issued for a suspended license', async () => {
    await booted.payload.update({
      collection: 'licenses',
      id: license.id,
      data: { status: 'suspended' },
    })
    const file = await issueCustomerLicenseFile(booted.payload, {
      user: alice,
      licenseId: license.id,
      activationId: machine.id,
    })
    expect(file).toEqual({ code: 'NOT_USABLE', reason: 'SUSPENDED' })
    await booted.payload.update({
      collection: 'licenses',
      id: license.id,
      data: { status: 'active' },
    })
  })
})
