import type { CollectionSlug, Payload } from 'payload'

/** The values of a select field as its collection declares them, in their order. */
export const selectValuesOf = (
  payload: Payload,
  collection: CollectionSlug,
  fieldName: string,
): string[] => {
  const field = payload.collections[collection].config.flattenedFields.find(
    (candidate) => candidate.name === fieldName,
  )
  if (field?.type !== 'select') throw new Error(`${collection}.${fieldName} is no select field`)
  return field.options.map((option) => (typeof option === 'string' ? option : option.value))
}
