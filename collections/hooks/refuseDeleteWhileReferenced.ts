import { APIError, type CollectionBeforeDeleteHook, type CollectionSlug } from 'payload'

/**
 * A refused delete: the staff member's mistake, not the server's, so it is logged as info
 * (payload.config `loggingLevels`).
 */
export class RecordInUse extends APIError {}

/** `label`: what the referencing records are called, one and several. */
type Reference = {
  collection: CollectionSlug
  field: string
  label: [one: string, several: string]
}

/**
 * Refuses (409, nothing changed) to delete a record that records of another collection still
 * need, e.g. a product with licenses. The database would refuse it too, as a 500.
 */
export const refuseDeleteWhileReferenced =
  (what: string, references: Reference[]): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const inUse: string[] = []
    for (const { collection, field, label } of references) {
      const { totalDocs } = await req.payload.count({
        collection,
        where: { [field]: { equals: id } },
        req,
        overrideAccess: true,
      })
      if (totalDocs > 0) inUse.push(`${totalDocs} ${totalDocs === 1 ? label[0] : label[1]}`)
    }
    if (inUse.length > 0) {
      throw new RecordInUse(
        `This ${what} cannot be deleted: it has ${inUse.join(' and ')}`,
        409,
        { code: 'IN_USE', references: inUse },
        true,
      )
    }
  }
