import type { Payload } from 'payload'

/**
 * A product as the hot paths need it: licensing (lines, modules) and updates (platforms,
 * retention).
 */
export type ProductInfo = {
  id: number
  slug: string
  name: string
  lines: string[]
  platforms: string[]
  modules: string[]
  keepVersionsDays: number
}

type Catalogue = { byId: Map<string, ProductInfo>; bySlug: Map<string, ProductInfo> }

/**
 * Products change a few times a year and every validate, activation and manifest request reads
 * one, so they come from memory. This instance forgets the catalogue when a product is saved here
 * (`forgetCatalogue`, from the products hooks); another instance's change shows within `maxAgeMs`,
 * or at once for a product, line or platform this instance has not seen yet (a miss reloads).
 */
export const maxAgeMs = 2_000
/**
 * A miss reads again only a catalogue older than this, so a flood of unknown names costs no query
 * each.
 */
const missReloadAfterMs = 250

const cache = new WeakMap<Payload, { catalogue: Promise<Catalogue>; loadedAt: number }>()

const loadCatalogue = async (payload: Payload): Promise<Catalogue> => {
  const { docs } = await payload.find({
    collection: 'products',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {
      slug: true,
      name: true,
      lines: true,
      platforms: true,
      modules: true,
      keepVersionsDays: true,
    },
  })
  const products = docs.map((doc): ProductInfo => ({
    id: doc.id,
    slug: doc.slug,
    name: doc.name,
    lines: doc.lines ?? [],
    platforms: doc.platforms ?? [],
    modules: doc.modules ?? [],
    keepVersionsDays: doc.keepVersionsDays,
  }))
  return {
    byId: new Map(products.map((product) => [String(product.id), product])),
    bySlug: new Map(products.map((product) => [product.slug, product])),
  }
}

/** The catalogue, read at most once per `maxAgeMs`, or `missReloadAfterMs` when `fresh`. */
const catalogueOf = async (
  payload: Payload,
  fresh = false,
  now = Date.now(),
): Promise<Catalogue> => {
  const cached = cache.get(payload)
  if (cached && now - cached.loadedAt < (fresh ? missReloadAfterMs : maxAgeMs))
    return cached.catalogue
  const loading = loadCatalogue(payload)
  cache.set(payload, { catalogue: loading, loadedAt: now })
  loading.catch(() => cache.delete(payload))
  return loading
}

/** Makes this instance read the products again on their next use. */
export const forgetCatalogue = (payload: Payload): void => {
  cache.delete(payload)
}

/** Every product, by slug. */
export const readCatalogue = async (payload: Payload): Promise<Map<string, ProductInfo>> =>
  (await catalogueOf(payload)).bySlug

/**
 * A product by id or slug that passes `accept` (the product itself, or its line or platform);
 * a miss reads the catalogue again once, for what was created on another instance a moment ago.
 */
const lookUp = async (
  payload: Payload,
  find: (catalogue: Catalogue) => ProductInfo | undefined,
  accept: (product: ProductInfo) => boolean = () => true,
): Promise<ProductInfo | undefined> => {
  const cached = find(await catalogueOf(payload))
  if (cached && accept(cached)) return cached
  return find(await catalogueOf(payload, true))
}

/** A product by id. */
export const productById = (
  payload: Payload,
  id: number | string,
): Promise<ProductInfo | undefined> => lookUp(payload, ({ byId }) => byId.get(String(id)))

/** A product by slug (`promonitor`, `collector`, `cockpit`); `accept` as in `lookUp`. */
export const productBySlug = (
  payload: Payload,
  slug: string,
  accept?: (product: ProductInfo) => boolean,
): Promise<ProductInfo | undefined> => lookUp(payload, ({ bySlug }) => bySlug.get(slug), accept)

/** The line a request means: the one named (any case), else the product's newest (last listed). */
export const resolveLine = (product: ProductInfo, line?: string | null): string | undefined => {
  if (!line) return product.lines[product.lines.length - 1]
  return product.lines.find((candidate) => candidate.toLowerCase() === line.toLowerCase())
}
