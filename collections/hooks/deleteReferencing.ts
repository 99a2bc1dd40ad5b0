import { APIError, type CollectionBeforeDeleteHook, type CollectionSlug } from 'payload'

/**
 * Deletes, before a record is deleted, the records of `collection` whose `field` points at it
 * (while they still do), through their own delete (upload files, hooks). One that cannot be
 * deleted stops the delete: a bulk delete reports failures instead of throwing them.
 */
export const deleteReferencing =
  (collection: CollectionSlug, field: string): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const { errors } = await req.payload.delete({
      collection,
      where: { [field]: { equals: id } },
      req,
      overrideAccess: true,
    })
    if (errors.length > 0)
      throw new APIError(
        `Its ${collection} could not be deleted: ${errors.map((error) => error.message).join('; ')}`,
        500,
      )
  }
