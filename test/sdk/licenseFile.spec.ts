import { beforeAll, describe, expect, it } from 'vitest'
import { armorLicenseFile, SignedKind } from '../../src/lib/protocol'
import { verifyLicenseFile } from '../../src/sdk/licenseFile'
import {
  createSigningKey,
  sign,
  trustOnly,
  withEditedPayload,
  type SigningKey,
} from './signingFixtures'

const now = new Date('2025-03-10T12:00:00Z')
const nowSeconds = now.getTime() / 1000

let key: SigningKey
let strangerKey: SigningKey

beforeAll(async () => {
  key = await createSigningKey('k1')
  strangerKey = await createSigningKey('stranger')
})

function claims(overrides: Record<string, unknown> = {}) {
  return {
    licenseId: 'lic_1',
    key: 'PMON-7QK2M-0ZC91-H4TXV-N8R1B-6JWEA-K',
    customer: { id: 'cus_1', name: 'Acme Water' },
    product: 'promonitor',
    line: 'V7',
    type: 'subscription',
    modules: ['reports', 'sla'],
    maxClients: 25,
    maxUsers: 10,
    fingerprint: 'fp-acme-1',
    startsAt: '2025-01-01T00:00:00.000Z',
    expiresAt: '2026-01-01T00:00:00.000Z',
    iat: nowSeconds - 3600,
    exp: nowSeconds + 7 * 86400,
    ...overrides,
  }
}

function licenseFile(
  overrides: Record<string, unknown> = {},
  signer = key,
  typ: string = SignedKind.license,
) {
  return sign(signer, typ, claims(overrides))
}

describe('verifyLicenseFile', () => {
  it('returns the claims of an armoured license file', async () => {
    const text = armorLicenseFile(await licenseFile())
    await expect(
      verifyLicenseFile(text, { trust: trustOnly(key), fingerprint: 'fp-acme-1', now }),
    ).resolves.toEqual(claims())
  })

  it('accepts a bare JWS license file', async () => {
    const result = await verifyLicenseFile(await licenseFile(), { trust: trustOnly(key), now })
    expect(result.licenseId).toBe('lic_1')
  })

  it('accepts an unbound license file on any installation', async () => {
    const text = await licenseFile({ fingerprint: null })
    const result = await verifyLicenseFile(text, {
      trust: trustOnly(key),
      fingerprint: 'fp-other',
      now,
    })
    expect(result.fingerprint).toBeNull()
  })

  it('reads numeric database ids as strings', async () => {
    const text = await licenseFile({ licenseId: 42, customer: { id: 7, name: 'Acme Water' } })
    const result = await verifyLicenseFile(text, { trust: trustOnly(key), now })
    expect(result.licenseId).toBe('42')
    expect(result.customer.id).toBe('7')
  })

  it('refuses a file whose limits were raised after signing with BAD_SIGNATURE', async () => {
    const edited = withEditedPayload(await licenseFile(), (payload) => (payload.maxClients = 1000))
    await expect(
      verifyLicenseFile(armorLicenseFile(edited), { trust: trustOnly(key), now }),
    ).rejects.toMatchObject({
      code: 'BAD_SIGNATURE',
    })
  })

  it('refuses a file signed by an unknown key with UNKNOWN_KEY', async () => {
    await expect(
      verifyLicenseFile(await licenseFile({}, strangerKey), { trust: trustOnly(key), now }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_KEY',
    })
  })

  it('refuses a signed validation answer pasted as a license file with WRONG_KIND', async () => {
    const answer = await licenseFile({}, key, SignedKind.validation)
    await expect(verifyLicenseFile(answer, { trust: trustOnly(key), now })).rejects.toMatchObject({
      code: 'WRONG_KIND',
    })
  })

  it('refuses a file past its own validity with FILE_EXPIRED', async () => {
    const text = await licenseFile({ exp: nowSeconds - 1 })
    await expect(verifyLicenseFile(text, { trust: trustOnly(key), now })).rejects.toMatchObject({
      code: 'FILE_EXPIRED',
    })
  })

  it('refuses a file issued more than 5 minutes after the current time with ISSUED_IN_FUTURE', async () => {
    const text = await licenseFile({ iat: nowSeconds + 301 })
    await expect(verifyLicenseFile(text, { trust: trustOnly(key), now })).rejects.toMatchObject({
      code: 'ISSUED_IN_FUTURE',
    })
  })

  it('accepts a file issued less than 5 minutes ahead of a slow clock', async () => {
    const text = await licenseFile({ iat: nowSeconds + 240 })
    await expect(verifyLicenseFile(text, { trust: trustOnly(key), now })).resolves.toMatchObject({
      iat: nowSeconds + 240,
    })
  })

  it('refuses a file bound to another installation with FINGERPRINT_MISMATCH', async () => {
    const text = await licenseFile()
    await expect(
      verifyLicenseFile(text, { trust: trustOnly(key), fingerprint: 'fp-other', now }),
    ).rejects.toMatchObject({ code: 'FINGERPRINT_MISMATCH' })
  })

  it('refuses a signed file with a missing claim with MALFORMED', async () => {
    const text = await licenseFile({ modules: undefined })
    await expect(verifyLicenseFile(text, { trust: trustOnly(key), now })).rejects.toMatchObject({
      code: 'MALFORMED',
    })
  })

  it('refuses text that is not a license file with MALFORMED', async () => {
    await expect(
      verifyLicenseFile('my license please', { trust: trustOnly(key), now }),
    ).rejects.toMatchObject({
      code: 'MALFORMED',
    })
  })
})
