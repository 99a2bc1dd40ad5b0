import { valid, validRange } from 'semver'
import { SignedKind } from '../../lib/protocol'
import { VerificationError } from '../errors'
import {
  isPlainObject,
  readArray,
  readBoolean,
  readDateString,
  readId,
  readNumber,
  readObject,
  readString,
  readStringOrNull,
} from '../payloadFields'
import type { TrustStore } from '../trustStore'
import type {
  InstalledApp,
  ManifestArtifact,
  ManifestRelease,
  PulledRelease,
  UpdateManifest,
} from './types'

const what = 'Update manifest'

function malformed(message: string): VerificationError {
  return new VerificationError('MALFORMED', `${what}: ${message}`)
}

function readVersion(source: Record<string, unknown>, field: string): string {
  const version = readString(source, field, what)
  if (!valid(version)) throw malformed(`"${field}" is not a version: ${version}`)
  return version
}

function readArtifact(release: Record<string, unknown>): ManifestArtifact {
  const artifact = readObject(release, 'artifact', what)
  const sha256 = readString(artifact, 'sha256', what).toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw malformed('artifact "sha256" is not a SHA-256 digest')
  const size = readNumber(artifact, 'size', what)
  if (!Number.isSafeInteger(size) || size < 0)
    throw malformed('artifact "size" is not a byte count')
  return { id: readId(artifact, 'id', what), url: readString(artifact, 'url', what), sha256, size }
}

function readRequires(release: Record<string, unknown>): Record<string, string> | undefined {
  if (release.requires === undefined || release.requires === null) return undefined
  if (!isPlainObject(release.requires)) throw malformed('"requires" is not an object')
  const requires: Record<string, string> = {}
  for (const [product, range] of Object.entries(release.requires)) {
    if (typeof range !== 'string' || validRange(range) === null)
      throw malformed(`"requires.${product}" is not a version range`)
    requires[product] = range
  }
  return requires
}

function readRelease(value: unknown): ManifestRelease {
  if (!isPlainObject(value)) throw malformed('a release is not an object')
  const minimumUpgradeFrom = readStringOrNull(value, 'minimumUpgradeFrom', what)
  if (minimumUpgradeFrom !== null && !valid(minimumUpgradeFrom))
    throw malformed('"minimumUpgradeFrom" is not a version')
  const rolloutPercent = readNumber(value, 'rolloutPercent', what)
  if (rolloutPercent < 0 || rolloutPercent > 100)
    throw malformed('"rolloutPercent" is not between 0 and 100')
  const requires = readRequires(value)
  return {
    version: readVersion(value, 'version'),
    releasedAt: readDateString(value, 'releasedAt', what),
    critical: readBoolean(value, 'critical', what),
    minimumUpgradeFrom,
    rolloutPercent,
    ...(requires ? { requires } : {}),
    notesUrl: readStringOrNull(value, 'notesUrl', what),
    summary: readStringOrNull(value, 'summary', what),
    artifact: readArtifact(value),
  }
}

function readPulled(value: unknown): PulledRelease {
  if (!isPlainObject(value)) throw malformed('a pulled entry is not an object')
  const rollbackTo = readStringOrNull(value, 'rollbackTo', what)
  if (rollbackTo !== null && !valid(rollbackTo)) throw malformed('"rollbackTo" is not a version')
  return { version: readVersion(value, 'version'), rollbackTo }
}

export function readManifest(payload: Record<string, unknown>): UpdateManifest {
  const sequence = readNumber(payload, 'sequence', what)
  if (!Number.isSafeInteger(sequence) || sequence < 0)
    throw malformed('"sequence" is not a whole number')
  return {
    product: readString(payload, 'product', what),
    line: readString(payload, 'line', what),
    channel: readString(payload, 'channel', what),
    platform: readString(payload, 'platform', what),
    sequence,
    issuedAt: readDateString(payload, 'issuedAt', what),
    expiresAt: readDateString(payload, 'expiresAt', what),
    releases: readArray(payload, 'releases', what).map(readRelease),
    pulled: readArray(payload, 'pulled', what).map(readPulled),
    ...(payload.offline === true ? { offline: true } : {}),
  }
}

/**
 * The JWS in a manifest response. The HTTP body is `{ signed, ...payload }`: the unsigned copy is
 * for people and caches reading it, and is never used here.
 */
export function extractManifestJws(manifestText: string): string {
  const text = manifestText.trim()
  if (!text.startsWith('{')) return text
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw new VerificationError('MALFORMED', `${what}: the response is not JSON`, { cause: error })
  }
  if (!isPlainObject(body) || typeof body.signed !== 'string')
    throw malformed('the response has no "signed" field')
  return body.signed
}

/**
 * Verifies signature and kind of a manifest (HTTP body or bare JWS) and returns its signed payload.
 */
export async function verifyManifest(
  manifestText: string,
  trust: TrustStore,
): Promise<UpdateManifest> {
  const { payload } = await trust.verify(extractManifestJws(manifestText), SignedKind.manifest)
  return readManifest(payload)
}

/**
 * Refuses a manifest signed for another product, line or platform, or for another channel when one
 * is given (mix-and-match attack: a genuine manifest served to the wrong app).
 */
export function assertManifestIsFor(
  manifest: UpdateManifest,
  app: Pick<InstalledApp, 'product' | 'line' | 'platform'> & { channel?: string },
): void {
  for (const field of ['product', 'line', 'channel', 'platform'] as const) {
    if (app[field] !== undefined && manifest[field] !== app[field]) {
      throw new VerificationError(
        'MANIFEST_MISMATCH',
        `The manifest is for ${field} "${manifest[field]}", this app is "${app[field]}"`,
      )
    }
  }
}
