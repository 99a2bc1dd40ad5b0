import { createHash, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Artifact, Customer, License, Product, Release } from '../../../payload-types'
import { getPublicKeySet } from '../../../plugins/signing'
import { addDays } from '../../../src/lib/time'
import { TrustStore } from '../../../src/sdk'

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** The server's keys as an app would pin them. */
export const trustServerKeys = async (payload: Payload): Promise<TrustStore> => new TrustStore((await getPublicKeySet(payload)).keys)

export const createProduct = (payload: Payload, slug: string, overrides: Partial<Product> = {}): Promise<Product> =>
  payload.create({
    collection: 'products',
    data: { slug, name: slug[0].toUpperCase() + slug.slice(1), lines: ['v6', 'v7'], platforms: ['windows-x64', 'linux-x64'], keepVersionsDays: 365, ...overrides },
  })

export type ReleaseInput = Partial<Omit<Release, 'product'>> & { product: Product; version: string }

/** A release, published unless `status` says otherwise. */
export const createRelease = (payload: Payload, { product, ...fields }: ReleaseInput): Promise<Release> => {
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
    file: { data, mimetype: 'application/octet-stream', name: `${release.version}-${platform}-${randomBytes(3).toString('hex')}.bin`, size: data.length },
  })

export const createCustomer = (payload: Payload, name: string, contacts: Array<{ email: string; receives?: Array<'licenses' | 'releases'> }> = []): Promise<Customer> =>
  payload.create({ collection: 'customers', data: { name, contacts: contacts.map((contact) => ({ receives: ['licenses', 'releases'], ...contact })) } })

export const createLicense = (
  payload: Payload,
  { customer, product, ...overrides }: Partial<Omit<License, 'customer' | 'product'>> & { customer: Customer; product: Product },
): Promise<License> =>
  payload.create({
    collection: 'licenses',
    data: {
      customer: customer.id,
      product: product.id,
      line: 'v7',
      type: 'subscription',
      status: 'active',
      startsAt: addDays(new Date(), -30).toISOString(),
      expiresAt: addDays(new Date(), 100).toISOString(),
      maxClients: 3,
      maxUsers: 5,
      ...overrides,
    },
  })

export const sequenceOf = async (payload: Payload, product: Product, channel: string, line = 'v7'): Promise<number> => {
  const found = await payload.find({
    collection: 'update-channels',
    where: { and: [{ product: { equals: product.id } }, { line: { equals: line } }, { channel: { equals: channel } }] },
    depth: 0,
  })
  return found.docs[0]?.sequence ?? 0
}

/**
 * Deletes every release a test made (and what hangs off them), so each test starts with no
 * releases. Channel sequences stay, as in production: they never go down.
 */
export const clearReleases = async (payload: Payload): Promise<void> => {
  for (const collection of ['release-events', 'artifacts', 'releases', 'signed-manifests', 'outbox'] as const) {
    await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
  }
}
