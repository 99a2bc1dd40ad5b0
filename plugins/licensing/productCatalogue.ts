import type { Payload } from 'payload'

export type ProductInfo = { id: number | string; slug: string; name: string; lines: string[]; modules: string[] }

type Catalogue = { byId: Map<string, ProductInfo>; bySlug: Map<string, ProductInfo> }

/** Products change a few times a year; the hot paths read them from a short-lived cache. */
const cacheMs = 60_000
const cache = new WeakMap<Payload, { catalogue: Promise<Catalogue>; loadedAt: number }>()

const loadCatalogue = async (payload: Payload): Promise<Catalogue> => {
  const { docs } = await payload.find({ collection: 'products', pagination: false, depth: 0, select: { slug: true, name: true, lines: true, modules: true } })
  const products = docs.map((doc) => ({ id: doc.id, slug: doc.slug, name: doc.name, lines: doc.lines ?? [], modules: doc.modules ?? [] }))
  return { byId: new Map(products.map((product) => [String(product.id), product])), bySlug: new Map(products.map((product) => [product.slug, product])) }
}

const catalogue = async (payload: Payload, fresh = false): Promise<Catalogue> => {
  const cached = cache.get(payload)
  if (!fresh && cached && Date.now() - cached.loadedAt < cacheMs) return cached.catalogue
  const loading = loadCatalogue(payload)
  cache.set(payload, { catalogue: loading, loadedAt: Date.now() })
  loading.catch(() => cache.delete(payload))
  return loading
}

/** A product by id; a miss reloads once (a product created a moment ago). */
export const productById = async (payload: Payload, id: number | string): Promise<ProductInfo | undefined> =>
  (await catalogue(payload)).byId.get(String(id)) ?? (await catalogue(payload, true)).byId.get(String(id))

/** A product by slug (`promonitor`, `collector`, `cockpit`); a miss reloads once. */
export const productBySlug = async (payload: Payload, slug: string): Promise<ProductInfo | undefined> =>
  (await catalogue(payload)).bySlug.get(slug) ?? (await catalogue(payload, true)).bySlug.get(slug)

/** The line a request means: the one named (any case), else the product's newest (last listed). */
export const resolveLine = (product: ProductInfo, line?: string | null): string | undefined => {
  if (!line) return product.lines[product.lines.length - 1]
  return product.lines.find((candidate) => candidate.toLowerCase() === line.toLowerCase())
}
