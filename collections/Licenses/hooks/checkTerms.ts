import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

/**
 * The dates and limits a license type needs, checked on the whole document being saved. A
 * ValidationError names the field, so the admin form marks it and the API answers 400.
 */
export const checkTerms: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const license = { ...originalDoc, ...data }
  if (license.type === 'perpetual') {
    return { ...data, expiresAt: null }
  }
  const refuse = (message: string) =>
    new ValidationError(
      { collection: 'licenses', errors: [{ path: 'expiresAt', message }], req },
      req.t,
    )
  if (!license.expiresAt) throw refuse(`A ${license.type} license needs an expiry date`)
  if (license.startsAt && new Date(license.expiresAt) <= new Date(license.startsAt))
    throw refuse('The license must expire after it starts')
  return data
}
