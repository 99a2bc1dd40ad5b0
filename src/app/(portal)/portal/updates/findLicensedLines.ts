import type { Payload } from 'payload'

import type { Product } from '../../../../../payload-types'
import type { CustomerSession } from '../session/currentCustomer'

export type LicensedLine = { product: Product; line: string }

/**
 * The products and lines the account's companies hold licenses for (whatever their state: an
 * expired license still covers the releases published before it expired), by product name.
 */
export const findLicensedLines = async (
  payload: Payload,
  user: CustomerSession['user'],
): Promise<LicensedLine[]> => {
  const { docs } = await payload.find({
    collection: 'licenses',
    user,
    overrideAccess: false,
    depth: 1,
    pagination: false,
    select: { product: true, line: true },
  })
  const lines = new Map<string, LicensedLine>()
  for (const license of docs) {
    if (typeof license.product !== 'object' || !license.product) continue
    lines.set(`${license.product.id}|${license.line}`, {
      product: license.product,
      line: license.line,
    })
  }
  return [...lines.values()].sort(
    (a, b) => a.product.name.localeCompare(b.product.name) || a.line.localeCompare(b.line),
  )
}
