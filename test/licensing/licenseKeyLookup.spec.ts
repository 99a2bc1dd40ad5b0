import { describe, expect, it } from 'vitest'

import { licenseKeyLookup } from '../../plugins/licensing/licenseKeyLookup'
import { generateLicenseKey } from '../../src/lib/licenseKey'
import { licenseKeyIndex } from '../../src/lib/licenseKeyAtRest'

const secret = 'lookup-test-secret'

describe('licenseKeyLookup', () => {
  it('gives the canonical key and its index for a key as typed, and the same again', () => {
    const key = generateLicenseKey('promonitor')
    const typed = ` ${key.toLowerCase().replace(/-/g, ' ')} `
    const expected = { canonicalKey: key, keyIndex: licenseKeyIndex(secret, key) }
    expect(licenseKeyLookup(secret, typed)).toEqual(expected)
    expect(licenseKeyLookup(secret, typed)).toEqual(expected)
    expect(licenseKeyLookup(secret, key)).toEqual(expected)
  })

  it('is null for text that is not a well-formed key', () => {
    const key = generateLicenseKey('promonitor')
    const wrongCheck = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`
    for (const input of ['', 'PMON', wrongCheck]) expect(licenseKeyLookup(secret, input)).toBeNull()
  })

  it('indexes under each secret apart', () => {
    const key = generateLicenseKey('collector')
    expect(licenseKeyLookup('another-secret', key)?.keyIndex).toBe(
      licenseKeyIndex('another-secret', key),
    )
    expect(licenseKeyLookup(secret, key)?.keyIndex).toBe(licenseKeyIndex(secret, key))
  })

  it('stays right past the number of keys it remembers', () => {
    const keys = Array.from({ length: 10_050 }, () => generateLicenseKey('cockpit'))
    for (const key of keys) licenseKeyLookup(secret, key)
    for (const key of [keys[0], keys[10_049]])
      expect(licenseKeyLookup(secret, key)?.keyIndex).toBe(licenseKeyIndex(secret, key))
  })
})
