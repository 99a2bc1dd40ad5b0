import type { Collection, FlattenedField, Payload } from 'payload'

/** What a query path names, as far as its value can be checked. */
export type QueriedField =
  | { kind: 'id'; numeric: boolean }
  | { kind: 'field'; field: FlattenedField; numericIds: boolean }
  | { kind: 'unknown' }

const collectionOf = (payload: Payload, slug: string): Collection | undefined =>
  (payload.collections as Record<string, Collection | undefined>)[slug]

const collectionIdIsNumeric = (payload: Payload, slug: string): boolean => {
  const collection = collectionOf(payload, slug)
  if (!collection) return false
  const custom = collection.config.flattenedFields.find((field) => field.name === 'id')
  return custom ? custom.type === 'number' : payload.db.defaultIDType === 'number'
}

/**
 * Follows a dotted query path (`customer.name`, `contacts.email`) through groups, arrays, tabs and
 * single-collection relationships to the field it names. What it cannot follow (blocks, polymorphic
 * relationships, version paths) is `unknown`, left to Payload's own checks.
 */
export const resolveFieldPath = (
  payload: Payload,
  collectionSlug: string,
  path: string,
): QueriedField => {
  let slug = collectionSlug
  let fields: FlattenedField[] = collectionOf(payload, slug)?.config.flattenedFields ?? []
  const segments = path.split('.')
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]
    const isLast = index === segments.length - 1
    const field = fields.find((candidate) => 'name' in candidate && candidate.name === segment)
    if (!field) {
      if (segment === 'id' && isLast)
        return { kind: 'id', numeric: collectionIdIsNumeric(payload, slug) }
      return { kind: 'unknown' }
    }
    if (isLast) {
      const relationTo = 'relationTo' in field ? field.relationTo : undefined
      return {
        kind: 'field',
        field,
        numericIds: typeof relationTo === 'string' && collectionIdIsNumeric(payload, relationTo),
      }
    }
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      slug = field.relationTo
      fields = collectionOf(payload, slug)?.config.flattenedFields ?? []
    } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      fields = field.flattenedFields
    } else {
      return { kind: 'unknown' }
    }
  }
  return { kind: 'unknown' }
}
