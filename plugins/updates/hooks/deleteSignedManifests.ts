import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A product that never shipped may still have signed (empty) manifests cached for it, because an
 * app asked; they are derived data and go with it.
 */
export const deleteSignedManifests: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'signed-manifests', where: { product: { equals: id } }, req, overrideAccess: true })
}
