import type { CollectionBeforeValidateHook } from 'payload'

import { generateLicenseKey } from '../../../src/lib/licenseKey'

/** A new license gets its key here; a key is never typed in or changed by hand. */
export const assignKey: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data || data.key) return data
  const productId = typeof data.product === 'object' ? data.product?.id : data.product
  if (!productId) return data
  const product = await req.payload.findByID({
    collection: 'products',
    id: productId,
    depth: 0,
    req,
    disableErrors: true,
  })
  if (!product) return data
  return { ...data, key: generateLicenseKey(product.slug) }
}
