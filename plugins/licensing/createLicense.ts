import type { Payload } from 'payload'

import type { License } from '../../payload-types'
import { addDays } from '../../src/lib/time'
import type { Actor } from './history/actors'
import { licenseHistoryContext } from './history/recordLicenseHistory'
import type { ProductInfo } from '../catalogue'

export type NewLicenseTerms = {
  customer: number | string
  product: ProductInfo
  line: string
  type: License['type']
  /** Length in days from now; ignored for perpetual licenses. */
  days?: number
  maxClients?: number
  maxUsers?: number
  modules?: string[]
  credits?: number
  reseller?: number | string
  /** A unique claim (one trial per email and product, one license per reseller request). */
  creationKey?: string
}

export type CreatedLicense =
  { license: License; created: true } | { license: License; created: false }

/** The license a creation key made, if any. */
export const findLicenseByCreationKey = async (
  payload: Payload,
  creationKey: string,
): Promise<License | undefined> =>
  (
    await payload.find({
      collection: 'licenses',
      where: { creationKey: { equals: creationKey } },
      depth: 0,
      limit: 1,
      pagination: false,
    })
  ).docs[0]

/**
 * Creates a license; its history records "created" (and "trial started") for `actor`. With a
 * `creationKey` the license is created at most once: a second call, from a retry or another
 * instance, gets the first license back with `created: false`.
 */
export const createLicense = async (
  payload: Payload,
  terms: NewLicenseTerms,
  actor: Actor,
): Promise<CreatedLicense> => {
  if (terms.creationKey) {
    const existing = await findLicenseByCreationKey(payload, terms.creationKey)
    if (existing) return { license: existing, created: false }
  }
  const now = new Date()
  try {
    const license = await payload.create({
      collection: 'licenses',
      depth: 0,
      context: { [licenseHistoryContext.actor]: actor },
      data: {
        customer: terms.customer as number,
        product: terms.product.id as number,
        line: terms.line,
        type: terms.type,
        status: 'active',
        startsAt: now.toISOString(),
        expiresAt:
          terms.type === 'perpetual' ? null : addDays(now, terms.days ?? 365).toISOString(),
        maxClients: terms.maxClients ?? 1,
        maxUsers: terms.maxUsers ?? 5,
        modules: terms.modules ?? [],
        ...(terms.credits !== undefined ? { credits: terms.credits } : {}),
        ...(terms.reseller !== undefined ? { reseller: terms.reseller as number } : {}),
        ...(terms.creationKey ? { creationKey: terms.creationKey } : {}),
      },
    })
    return { license, created: true }
  } catch (error) {
    const winner = terms.creationKey
      ? await findLicenseByCreationKey(payload, terms.creationKey)
      : undefined
    if (winner) return { license: winner, created: false }
    throw error
  }
}
