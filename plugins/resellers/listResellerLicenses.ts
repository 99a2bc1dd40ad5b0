import type { Payload } from 'payload'

import type { Reseller } from '../../payload-types'
import { daysLeft } from '../../src/lib/time'
import { productById } from '../catalogue'

const idOf = (value: unknown): number | string =>
  typeof value === 'object' && value !== null
    ? (value as { id: number | string }).id
    : (value as number | string)

/** The licenses this reseller created (never another's), newest first, a page at a time. */
export const listResellerLicenses = async (
  payload: Payload,
  reseller: Reseller,
  { page, limit }: { page: number; limit: number },
) => {
  const found = await payload.find({
    collection: 'licenses',
    where: { reseller: { equals: reseller.id } },
    sort: '-createdAt',
    page,
    limit,
    depth: 0,
    select: {
      key: true,
      customer: true,
      product: true,
      line: true,
      type: true,
      status: true,
      startsAt: true,
      expiresAt: true,
      maxClients: true,
      maxUsers: true,
      activeClients: true,
      createdAt: true,
    },
  })
  const customerIds = [...new Set(found.docs.map((license) => idOf(license.customer)))]
  const { docs: customers } = customerIds.length
    ? await payload.find({
        collection: 'customers',
        where: { id: { in: customerIds } },
        select: { name: true },
        depth: 0,
        pagination: false,
      })
    : { docs: [] }
  const customerNames = new Map(customers.map((customer) => [String(customer.id), customer.name]))
  const licenses = await Promise.all(
    found.docs.map(async (license) => ({
      id: license.id,
      key: license.key,
      customer: {
        id: idOf(license.customer),
        name: customerNames.get(String(idOf(license.customer))) ?? null,
      },
      product: (await productById(payload, idOf(license.product)))?.slug ?? null,
      line: license.line,
      type: license.type,
      status: license.status,
      startsAt: license.startsAt,
      expiresAt: license.expiresAt ?? null,
      daysLeft: daysLeft(license.expiresAt),
      maxClients: license.maxClients,
      maxUsers: license.maxUsers,
      activeClients: license.activeClients ?? 0,
      createdAt: license.createdAt,
    })),
  )
  return {
    licenses,
    page: found.page ?? page,
    totalPages: found.totalPages,
    totalDocs: found.totalDocs,
  }
}
