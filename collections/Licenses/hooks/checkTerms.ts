import { APIError, type CollectionBeforeChangeHook } from 'payload'

/** The dates and limits a license type needs, checked on the whole document being saved. */
export const checkTerms: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const license = { ...originalDoc, ...data }
  if (license.type === 'perpetual') {
    return { ...data, expiresAt: null }
  }
  if (!license.expiresAt) {
    throw new APIError(`A ${license.type} license needs an expiry date`, 400, [{ field: 'expiresAt', message: 'Required for this type' }], true)
  }
  if (license.startsAt && new Date(license.expiresAt) <= new Date(license.startsAt)) {
    throw new APIError('The license must expire after it starts', 400, [{ field: 'expiresAt', message: 'Must be after the start date' }], true)
  }
  return data
}
