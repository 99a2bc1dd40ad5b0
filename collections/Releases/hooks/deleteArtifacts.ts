import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/**
 * A deleted release takes its artifacts with it: their records and their files (on disk or in the
 * bucket, through the upload's own delete). Before the delete, while they still point at it; an
 * artifact that cannot be deleted stops the release's delete (a bulk delete reports, not throws).
 */
export const deleteArtifacts: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { errors } = await req.payload.delete({ collection: 'artifacts', where: { release: { equals: id } }, req, overrideAccess: true })
  if (errors.length > 0) throw new APIError(`The release's artifacts could not be deleted: ${errors.map((error) => error.message).join('; ')}`, 500)
}
