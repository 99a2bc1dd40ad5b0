import type { CollectionAfterReadHook, CollectionBeforeChangeHook, FieldHook } from 'payload'

import { canonicalLicenseKey } from '../../../src/lib/licenseKey'
import {
  isSealedLicenseKey,
  licenseKeyIndex,
  openLicenseKey,
  sealLicenseKey,
} from '../../../src/lib/licenseKeyAtRest'

/**
 * A key given in the clear (a new license's, from `assignKey`) is stored sealed, with its lookup
 * index; runs after field access, so only the system ever sets either.
 */
export const sealKey: CollectionBeforeChangeHook = ({ data, req }) => {
  const key = data?.key
  if (typeof key !== 'string' || key === '' || isSealedLicenseKey(key)) return data
  const secret = req.payload.secret
  return {
    ...data,
    key: sealLicenseKey(secret, key),
    keyIndex: licenseKeyIndex(secret, canonicalLicenseKey(key) ?? key),
  }
}

/** Whoever may read the key reads it in the clear. */
export const openKey: FieldHook = ({ value, req }) =>
  typeof value === 'string' && isSealedLicenseKey(value)
    ? openLicenseKey(req.payload.secret, value)
    : value

/**
 * The index is for queries only (readable so a `where` on the key may use it): no answer shows it.
 */
export const withoutKeyIndex: CollectionAfterReadHook = ({ doc }) => {
  if (doc && typeof doc === 'object' && 'keyIndex' in doc) delete doc.keyIndex
  return doc
}
