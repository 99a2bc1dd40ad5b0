import type { CollectionBeforeChangeHook } from 'payload'

/** "ProMonitor V7 7.4.1": a title the admin list and relationship pickers can show. */
export const setTitle: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const productId = typeof merged.product === 'object' ? merged.product?.id : merged.product
  if (!productId) return data
  const product = await req.payload.findByID({
    collection: 'products',
    id: productId,
    depth: 0,
    req,
  })
  return {
    ...data,
    title: [product.name, String(merged.line ?? '').toUpperCase(), merged.version]
      .filter(Boolean)
      .join(' '),
  }
}
