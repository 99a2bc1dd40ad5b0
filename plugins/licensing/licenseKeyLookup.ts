import { canonicalLicenseKey } from '../../src/lib/licenseKey'
import { licenseKeyIndex } from '../../src/lib/licenseKeyAtRest'

export type LicenseKeyLookup = {
  /** The key as licenses hold it. */
  canonicalKey: string
  /** Its HMAC index (`licenses.keyIndex`). */
  keyIndex: string
}

/** Installed apps check the same keys day after day: this many are remembered per process. */
const remembered = 10_000
const lookupsBySecret = new Map<string, Map<string, LicenseKeyLookup>>()

/**
 * What a client sent as a key, as the database is searched for it: canonical form and HMAC index,
 * or null when it is not a well-formed key. Both depend on the text alone, so the answers for the
 * most recent keys are kept (the oldest dropped first) and the validate hot path neither
 * canonicalises nor hashes a key it saw before. Holds nothing a request did not bring.
 */
export const licenseKeyLookup = (secret: string, input: string): LicenseKeyLookup | null => {
  let lookups = lookupsBySecret.get(secret)
  if (!lookups) lookupsBySecret.set(secret, (lookups = new Map()))
  const known = lookups.get(input)
  if (known) return known
  const canonicalKey = canonicalLicenseKey(input)
  if (canonicalKey === null) return null
  const lookup = { canonicalKey, keyIndex: licenseKeyIndex(secret, canonicalKey) }
  if (lookups.size >= remembered) lookups.delete(lookups.keys().next().value as string)
  lookups.set(input, lookup)
  return lookup
}
