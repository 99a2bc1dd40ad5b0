import type { TextFieldSingleValidation } from 'payload'

/** A line must be one the chosen product lists (v6, v7 …). */
export const validateLineOfProduct: TextFieldSingleValidation = async (
  value,
  { req, siblingData },
) => {
  if (!value) return 'Line is required'
  const product = (siblingData as { product?: unknown }).product
  const productId =
    typeof product === 'object' && product !== null
      ? (product as { id: number | string }).id
      : product
  if (!productId) return true
  const found = await req.payload.findByID({
    collection: 'products',
    id: productId as number | string,
    depth: 0,
    req,
    disableErrors: true,
  })
  if (!found) return 'Unknown product'
  return (
    (found.lines ?? []).includes(value) || `Line must be one of ${(found.lines ?? []).join(', ')}`
  )
}
