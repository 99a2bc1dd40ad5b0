import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config } from 'payload'

import { forgetCatalogue } from './productCatalogue'

export {
  forgetCatalogue,
  productById,
  productBySlug,
  readCatalogue,
  resolveLine,
  type ProductInfo,
} from './productCatalogue'

const forgetOnChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetCatalogue(req.payload)
  return doc
}

const forgetOnDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forgetCatalogue(req.payload)
  return doc
}

/**
 * The one product catalogue every plugin reads (licensing, updates, resellers): products from
 * memory, forgotten when one is saved or deleted here, re-read within two seconds of a change
 * made on another instance.
 */
export const cataloguePlugin =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collection.slug !== 'products'
        ? collection
        : {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), forgetOnChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), forgetOnDelete],
            },
          },
    ),
  })
