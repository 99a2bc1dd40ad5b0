import { describe, expect, it } from 'vitest'
import * as sdk from '../../src/sdk'

describe('SDK public API', () => {
  it('exports everything an installed app needs from one entry point', () => {
    const names = [
      'TrustStore',
      'VerificationError',
      'verifySignedAnswer',
      'verifyLicenseFile',
      'checkForUpdate',
      'verifyArtifact',
      'verifyArtifactFile',
      'planUpdates',
      'parseOfflineBundleHeader',
      'verifyOfflineBundle',
      'unarmorLicenseFile',
      'isWellFormedLicenseKey',
      'normalizeLicenseKey',
      'daysLeft',
    ] as const
    for (const name of names) expect(typeof sdk[name], name).toBe('function')
    expect(sdk.SignedKind.manifest).toBe('manifest+jws')
  })
})
