import type { Payload } from 'payload'

import type { Product } from '../../payload-types'

export type CatalogueProduct = Pick<Product, 'id' | 'slug' | 'name' | 'lines' | 'platforms' | 'keepVersionsDays'>

/** Every product with the lines and platforms it ships (a handful of rows). */
export const readCatalogue = async (payload: Payload): Promise<Map<string, CatalogueProduct>> => {
  const found = await payload.find({
    collection: 'products',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { slug: true, name: true, lines: true, platforms: true, keepVersionsDays: true },
  })
  return new Map(found.docs.map((product) => [product.slug, product as CatalogueProduct]))
}

export const productIdOf = (product: number | { id: number } | null | undefined): number | undefined =>
  product === null || product === undefined ? undefined : typeof product === 'object' ? product.id : product
