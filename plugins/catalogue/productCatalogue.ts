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

type CacheEntry = {
  catalogue: Promise<Catalogue>
  loadedAt: number
  /** The same catalogue once read, for a lookup that need not wait a turn. */
  loaded?: Catalogue
}
const cache = new WeakMap<Payload, CacheEntry>()

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
  const entry: CacheEntry = { catalogue: loading, loadedAt: now }
  cache.set(payload, entry)
  loading.then(
    (catalogue) => (entry.loaded = catalogue),
    () => cache.delete(payload),
  )
  return loading
}

/** The catalogue read less than `maxAgeMs` ago, if it is in memory already. */
const loadedCatalogueOf = (payload: Payload, now = Date.now()): Catalogue | undefined => {
  const cached = cache.get(payload)
  return cached && now - cached.loadedAt < maxAgeMs ? cached.loaded : undefined
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
 * A hit in the catalogue in memory is answered at once, not as a promise (every validate asks).
 */
const lookUp = (
  payload: Payload,
  find: (catalogue: Catalogue) => ProductInfo | undefined,
  accept: (product: ProductInfo) => boolean = () => true,
): ProductInfo | Promise<ProductInfo | undefined> => {
  const loaded = loadedCatalogueOf(payload)
  const hit = loaded && find(loaded)
  if (hit && accept(hit)) return hit
  return lookUpReading(payload, find, accept)
}

const lookUpReading = async (
  payload: Payload,
  find: (catalogue: Catalogue) => ProductInfo | undefined,
  accept: (product: ProductInfo) => boolean,
): Promise<ProductInfo | undefined> => {
  const cached = find(await catalogueOf(payload))
  if (cached && accept(cached)) return cached
  return find(await catalogueOf(payload, true))
}

/** A product by id (at once when the catalogue in memory has it: `await` it either way). */
export const productById = (
  payload: Payload,
  id: number | string,
): ProductInfo | Promise<ProductInfo | undefined> =>
  lookUp(payload, ({ byId }) => byId.get(String(id)))

/** A product by slug (`promonitor`, `collector`, `cockpit`); `accept` and answer as in `lookUp`. */
export const productBySlug = (
  payload: Payload,
  slug: string,
  accept?: (product: ProductInfo) => boolean,
): ProductInfo | Promise<ProductInfo | undefined> =>
  lookUp(payload, ({ bySlug }) => bySlug.get(slug), accept)

/** The line a request means: the one named (any case), else the product's newest (last listed). */
export const resolveLine = (product: ProductInfo, line?: string | null): string | undefined => {
  if (!line) return product.lines[product.lines.length - 1]
  return product.lines.find((candidate) => candidate.toLowerCase() === line.toLowerCase())
}
