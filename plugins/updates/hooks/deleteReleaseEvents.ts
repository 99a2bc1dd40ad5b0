import type { CollectionBeforeDeleteHook } from 'payload'

/** A deleted release's history goes with it; retention archives releases, it never deletes them. */
export const deleteReleaseEvents: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'release-events', where: { release: { equals: id } }, req, overrideAccess: true })
}
