import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Artifact, Customer, License, Product, Release } from '../../payload-types'
import { getPublicKeySet } from '../../plugins/signing'
import { addDays } from '../../src/lib/time'
import { TrustStore } from '../../src/sdk'

// The records tests build on: catalogue, customers and accounts, licenses, releases and artifacts.

type Ref<T extends { id: number }> = T | number
const idOf = <T extends { id: number }>(ref: Ref<T>): number =>
  typeof ref === 'number' ? ref : ref.id

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

export const createProduct = (
  payload: Payload,
  slug: string,
  overrides: Partial<Product> = {},
): Promise<Product> =>
  payload.create({
    collection: 'products',
    data: {
      slug,
      name: slug[0].toUpperCase() + slug.slice(1),
      lines: ['v6', 'v7'],
      platforms: ['windows-x64', 'linux-x64'],
      keepVersionsDays: 365,
      ...overrides,
    },
  })

/** ProMonitor and its collector, with the modules licenses name. */
export const createCatalogue = async (payload: Payload) => ({
  promonitor: await createProduct(payload, 'promonitor', {
    name: 'ProMonitor',
    modules: ['reporting', 'sla', 'topology'],
    keepVersionsDays: 730,
  }),
  collector: await createProduct(payload, 'collector', {
    modules: ['snmp'],
    keepVersionsDays: 730,
  }),
})

/** A company; each contact receives license and release mail unless `receives` says otherwise. */
export const createCustomer = (
  payload: Payload,
  name: string,
  contacts: Array<{ email: string; receives?: Array<'licenses' | 'releases'> }> = [],
): Promise<Customer> =>
  payload.create({
    collection: 'customers',
    data: {
      name,
      contacts: contacts.map((contact) => ({ receives: ['licenses', 'releases'], ...contact })),
    },
  })

/** A customer portal account with an API key (what the app's master login sends). */
export const createCustomerAccount = (
  payload: Payload,
  email: string,
  customers: number[],
  apiKey: string,
) =>
  payload.create({
    collection: 'customer-users',
    data: { email, password: 'portal-password-1', customers, enableAPIKey: true, apiKey },
  })

type LicenseTerms = Partial<Omit<License, 'customer' | 'product'>> & {
  customer: Ref<Customer>
  product: Ref<Product>
}

/** A subscription usable now (two seats, a hundred days left) unless the terms say otherwise. */
export const createLicense = (
  payload: Payload,
  { customer, product, ...terms }: LicenseTerms,
): Promise<License> =>
  payload.create({
    collection: 'licenses',
    data: {
      customer: idOf(customer),
      product: idOf(product),
      line: 'v7',
      type: 'subscription',
      status: 'active',
      startsAt: addDays(new Date(), -30).toISOString(),
      expiresAt: addDays(new Date(), 100).toISOString(),
      maxClients: 2,
      maxUsers: 5,
      ...terms,
    },
  })

/** A staff member of `role`; returns the Authorization header of their login over HTTP. */
export const staffLogin = async (
  payload: Payload,
  call: (
    method: string,
    path: string,
    options?: { body?: unknown },
  ) => Promise<{ status: number; body: Record<string, any> }>,
  email: string,
  role: 'admin' | 'support' | 'release-manager' | 'editor',
): Promise<Record<string, string>> => {
  await payload.create({
    collection: 'users',
    data: { email, password: 'staff-password-1', roles: [role] } as never,
  })
  const answer = await call('POST', '/api/users/login', {
    body: { email, password: 'staff-password-1' },
  })
  if (answer.status !== 200) throw new Error(`Login of ${email} failed: ${answer.status}`)
  return { Authorization: `JWT ${answer.body.token}` }
}

/** The server's keys as an app pins them when it ships. */
export const trustServerKeys = async (payload: Payload): Promise<TrustStore> =>
  new TrustStore((await getPublicKeySet(payload)).keys)

/** The same, read over HTTP from `GET /api/v1/keys`. */
export const pinnedTrust = async (
  call: (method: string, path: string) => Promise<{ body: { keys: unknown[] } }>,
) => new TrustStore((await call('GET', '/api/v1/keys')).body.keys as never)

export type ReleaseInput = Partial<Omit<Release, 'product'>> & { product: Product; version: string }

/** A release, published unless `status` says otherwise. */
export const createRelease = (
  payload: Payload,
  { product, ...fields }: ReleaseInput,
): Promise<Release> => {
  const status = fields.status ?? 'published'
  return payload.create({
    collection: 'releases',
    data: {
      line: 'v7',
      channel: 'stable',
      rolloutPercent: 100,
      summary: `${product.name} ${fields.version}`,
      ...fields,
      product: product.id,
      status,
      _status: status === 'draft' ? 'draft' : 'published',
    },
  })
}

/** Random bytes of `size`, standing in for an installer. */
export const installerBytes = (size = 96 * 1024): Buffer => randomBytes(size)

export const uploadArtifact = (
  payload: Payload,
  release: Release,
  platform: string,
  data: Buffer = installerBytes(),
): Promise<Artifact> =>
  payload.create({
    collection: 'artifacts',
    data: { release: release.id, platform },
    file: {
      data,
      mimetype: 'application/octet-stream',
      name: `${release.version}-${platform}-${randomBytes(3).toString('hex')}.bin`,
      size: data.length,
    },
  })

/** Whether an artifact's file is on local disk under the test's media folder. */
export const artifactFileExists = (
  mediaDir: string,
  artifact: Pick<Artifact, 'filename'>,
): boolean => existsSync(path.join(mediaDir, 'artifacts', String(artifact.filename)))

export const sequenceOf = async (
  payload: Payload,
  product: Product,
  channel: string,
  line = 'v7',
): Promise<number> => {
  const found = await payload.find({
    collection: 'update-channels',
    where: {
      and: [
        { product: { equals: product.id } },
        { line: { equals: line } },
        { channel: { equals: channel } },
      ],
    },
    depth: 0,
  })
  return found.docs[0]?.sequence ?? 0
}

/**
 * Deletes every release a test made (and what hangs off them), so each test starts with no
 * releases. Channel sequences stay, as in production: they never go down.
 */
export const clearReleases = async (payload: Payload): Promise<void> => {
  for (const collection of [
    'release-events',
    'artifacts',
    'releases',
    'signed-manifests',
    'outbox',
  ] as const) {
    await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
  }
}
