import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Customer, License, Product, Release } from '../../payload-types'
import {
  artifactFileResponse,
  checkDirectLinkKey,
  findReleaseDownloads,
  keyRefusedMessage,
} from '../../plugins/updates'
import { findRelease } from '../../src/app/(portal)/releaseContent/findRelease'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  clearReleases,
  createCustomer,
  createLicense,
  createProduct,
  createRelease,
  installerBytes,
  sha256Hex,
  uploadArtifact,
} from '../helpers/fixtures'

let booted: TestPayload
let payload: Payload
let promonitor: Product
let collector: Product
let acme: Customer
let globex: Customer
let acmeUser: TypedUser
let globexUser: TypedUser
let license: License
let release: Release
const bytes = installerBytes(64 * 1024 + 5)

/** Each test tries keys from its own address, so one test's tries never spend another's budget. */
let addressCount = 0
const freshAddress = () => `198.51.100.${++addressCount}`

const accountOf = async (email: string, company: Customer): Promise<TypedUser> => {
  const account = await payload.create({
    collection: 'customer-users',
    data: { email, password: 'portal-password-1', customers: [company.id] },
  })
  return { ...account, collection: 'customer-users' } as TypedUser
}

/** The bytes a download link of the direct link serves. */
const bytesBehind = async (url: string, artifactId: number): Promise<Buffer> => {
  const token = new URL(url, 'http://hub.test').searchParams.get('token')!
  const response = await artifactFileResponse(payload, { artifactId, token })
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  promonitor = await createProduct(payload, 'promonitor', { name: 'ProMonitor' })
  collector = await createProduct(payload, 'collector')
  acme = await createCustomer(payload, 'Acme Industrial')
  globex = await createCustomer(payload, 'Globex')
  acmeUser = await accountOf('ops@acme.test', acme)
  globexUser = await accountOf('it@globex.test', globex)
})

afterAll(async () => {
  await booted?.shutdown()
})

beforeEach(async () => {
  await clearReleases(payload)
  await payload.delete({ collection: 'licenses', where: { id: { exists: true } } })
  license = await createLicense(payload, { customer: acme, product: promonitor })
  release = await createRelease(payload, {
    product: promonitor,
    version: '7.3.0',
    releasedAt: addDays(new Date(), -10).toISOString(),
  })
  await uploadArtifact(payload, release, 'linux-x64', bytes)
})

describe('release page downloads for a signed-in account', () => {
  it('lists the files with size and sha256, and lets an account whose license covers the line download', async () => {
    const { files, decision } = await findReleaseDownloads(payload, {
      release,
      credentials: { user: acmeUser },
    })
    expect(decision).toEqual({ isAllowed: true })
    expect(files).toMatchObject([
      { platform: 'linux-x64', size: bytes.length, sha256: sha256Hex(bytes), isKept: true },
    ])
  })

  it("tells another company's account it holds no license for the product", async () => {
    const { files, decision } = await findReleaseDownloads(payload, {
      release,
      credentials: { user: globexUser },
    })
    expect(decision).toMatchObject({ isAllowed: false, code: 'NOT_ENTITLED' })
    expect(files).toHaveLength(1)
  })

  it('refuses another line of the product (LINE_MISMATCH) and a pulled release (RELEASE_PULLED)', async () => {
    const v6 = await createRelease(payload, { product: promonitor, line: 'v6', version: '6.9.3' })
    expect(
      (await findReleaseDownloads(payload, { release: v6, credentials: { user: acmeUser } }))
        .decision,
    ).toMatchObject({ isAllowed: false, code: 'LINE_MISMATCH' })

    const pulled = await payload.update({
      collection: 'releases',
      id: release.id,
      data: { status: 'pulled' },
    })
    expect(
      (await findReleaseDownloads(payload, { release: pulled, credentials: { user: acmeUser } }))
        .decision,
    ).toMatchObject({ isAllowed: false, code: 'RELEASE_PULLED' })
  })

  it('lets an expired license download releases published before it expired, not after (EXPIRED)', async () => {
    await payload.update({
      collection: 'licenses',
      id: license.id,
      data: {
        startsAt: addDays(new Date(), -400).toISOString(),
        expiresAt: addDays(new Date(), -5).toISOString(),
      },
    })
    const before = await findReleaseDownloads(payload, {
      release,
      credentials: { user: acmeUser },
    })
    expect(before.decision).toEqual({ isAllowed: true })

    const after = await createRelease(payload, {
      product: promonitor,
      version: '7.4.0',
      releasedAt: addDays(new Date(), -1).toISOString(),
    })
    const refused = await findReleaseDownloads(payload, {
      release: after,
      credentials: { user: acmeUser },
    })
    expect(refused.decision).toMatchObject({ isAllowed: false, code: 'EXPIRED' })
  })
})

describe('direct link key check', () => {
  it('opens the files with a right key: each link serves the bytes of the listed sha256', async () => {
    const answer = await checkDirectLinkKey(payload, {
      release,
      licenseKey: String(license.key).toLowerCase(),
      address: freshAddress(),
    })
    expect(answer.decision).toEqual({ isAllowed: true })
    expect(answer.expiresAt!.getTime()).toBeGreaterThan(Date.now())
    const [file] = answer.files
    expect(file.url).toMatch(new RegExp(`^/api/v1/downloads/${file.id}/file\\?token=`))
    expect(file.url).not.toContain(String(license.key))
    const served = await bytesBehind(file.url!, file.id)
    expect(sha256Hex(served)).toBe(file.sha256)
    expect(served.equals(bytes)).toBe(true)
  })

  it('gives one message for an empty, malformed, unknown, other-product and other-line key', async () => {
    const collectorLicense = await createLicense(payload, { customer: acme, product: collector })
    const v6License = await createLicense(payload, {
      customer: globex,
      product: promonitor,
      line: 'v6',
    })
    const address = freshAddress()
    expect(
      (await checkDirectLinkKey(payload, { release, licenseKey: '  ', address })).decision,
    ).toMatchObject({ isAllowed: false, code: 'KEY_MISSING', message: 'Enter the license key.' })
    for (const licenseKey of [
      'not-a-key',
      'PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K',
      'x'.repeat(5000),
      String(collectorLicense.key),
      String(v6License.key),
    ]) {
      const answer = await checkDirectLinkKey(payload, { release, licenseKey, address })
      expect(answer, licenseKey.slice(0, 40)).toEqual({
        decision: { isAllowed: false, code: 'KEY_REFUSED', message: keyRefusedMessage },
        files: [],
        expiresAt: null,
      })
    }
  })

  it("opens with an expired license's key only the releases published before it expired", async () => {
    const expired = await createLicense(payload, {
      customer: globex,
      product: promonitor,
      startsAt: addDays(new Date(), -400).toISOString(),
      expiresAt: addDays(new Date(), -5).toISOString(),
    })
    const after = await createRelease(payload, {
      product: promonitor,
      version: '7.4.0',
      releasedAt: addDays(new Date(), -1).toISOString(),
    })
    await uploadArtifact(payload, after, 'linux-x64')
    const address = freshAddress()
    const older = await checkDirectLinkKey(payload, {
      release,
      licenseKey: String(expired.key),
      address,
    })
    expect(older.decision.isAllowed).toBe(true)
    const newer = await checkDirectLinkKey(payload, {
      release: after,
      licenseKey: String(expired.key),
      address,
    })
    expect(newer.decision).toEqual({
      isAllowed: false,
      code: 'KEY_REFUSED',
      message: keyRefusedMessage,
    })
  })

  it('stops an address after 10 keys in 10 minutes, even a right one, and not another address', async () => {
    const address = freshAddress()
    const now = new Date()
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const answer = await checkDirectLinkKey(payload, {
        release,
        licenseKey: `PMON-GUESS-${attempt}`,
        address,
        now,
      })
      expect(answer.decision).toMatchObject({ code: 'KEY_REFUSED' })
    }
    const limited = await checkDirectLinkKey(payload, {
      release,
      licenseKey: String(license.key),
      address,
      now,
    })
    expect(limited.decision).toEqual({
      isAllowed: false,
      code: 'RATE_LIMITED',
      message: 'Too many license keys tried from your address. Try again in 10 minutes.',
    })
    expect(limited.files).toEqual([])

    const elsewhere = await checkDirectLinkKey(payload, {
      release,
      licenseKey: String(license.key),
      address: freshAddress(),
      now,
    })
    expect(elsewhere.decision.isAllowed).toBe(true)
    const later = await checkDirectLinkKey(payload, {
      release,
      licenseKey: String(license.key),
      address,
      now: new Date(now.getTime() + 10 * 60_000),
    })
    expect(later.decision.isAllowed).toBe(true)
  })
})

describe('what the release pages read, as their visitor', () => {
  const address = { product: 'promonitor', line: 'v7', version: '7.3.0' }

  it('shows a published release, its changelog and doc links to an anonymous visitor', async () => {
    const changelog = await payload.create({
      collection: 'changelogs',
      data: { title: 'Notes', release: release.id, entries: [{ kind: 'fixed', text: 'A fix' }] },
    })
    const doc = await payload.create({
      collection: 'doc-links',
      data: {
        title: 'Install guide',
        url: 'https://docs.example/install',
        kind: 'doc',
        release: release.id,
      },
    })
    await payload.update({
      collection: 'releases',
      id: release.id,
      data: {
        changelog: changelog.id,
        docLinks: [doc.id],
        recipients: [{ email: 'ops@acme.test', include: true }],
      },
    })
    const view = await findRelease(payload, address, null)
    expect(view?.product.name).toBe('ProMonitor')
    expect(view?.release.version).toBe('7.3.0')
    expect(view?.release.changelog?.entries).toMatchObject([{ kind: 'fixed', text: 'A fix' }])
    expect(view?.release.docLinks.map((link) => link.title)).toEqual(['Install guide'])
    // Who is mailed stays with release managers: a hidden array comes back empty.
    expect(view?.release.recipients).toEqual([])
    await payload.delete({ collection: 'changelogs', id: changelog.id })
    await payload.delete({ collection: 'doc-links', id: doc.id })
  })

  it('hides a draft release from anonymous visitors and customers, and a malformed address', async () => {
    await createRelease(payload, { product: promonitor, version: '7.9.0', status: 'draft' })
    const draft = { ...address, version: '7.9.0' }
    expect(await findRelease(payload, draft, null)).toBeNull()
    expect(await findRelease(payload, draft, acmeUser)).toBeNull()
    expect(await findRelease(payload, { ...address, product: '../admin' }, null)).toBeNull()
    expect(await findRelease(payload, { ...address, version: 'x'.repeat(500) }, null)).toBeNull()
  })

  it('shows a pulled release, marked pulled', async () => {
    await payload.update({ collection: 'releases', id: release.id, data: { status: 'pulled' } })
    const view = await findRelease(payload, address, acmeUser)
    expect(view?.release.status).toBe('pulled')
  })
})
