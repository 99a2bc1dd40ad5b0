import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A deleted release takes its artifacts with it: their records and their files (on disk or in the
 * bucket, through the upload's own delete). Before the delete, while they still point at it.
 */
export const deleteArtifacts: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'artifacts', where: { release: { equals: id } }, req, overrideAccess: true })
}
