import { eq, gt, gte, rcompare, valid } from 'semver'
import { isInRollout } from '../../lib/rollout'
import { VerificationError } from '../errors'
import type { TrustStore } from '../trustStore'
import type { InstalledApp, ManifestRelease, UpdateDecision } from './types'
import { assertManifestIsFor, verifyManifest } from './verifyManifest'

export type CheckForUpdateOptions = {
  /** The manifest response body, or the bare JWS. */
  manifestText: string
  trust: TrustStore
  current: InstalledApp
  /** Stable random id of this install; decides its place in every rollout. */
  installId: string
  /** The highest manifest sequence this install has accepted; store `sequence` from each answer. */
  lastSeenSequence?: number
  now?: Date
}

/**
 * Decides what this install should do from a signed manifest. Refuses manifests that are forged,
 * for another app, expired (an attacker replaying an old one to freeze updates) or older than
 * one already seen (rollback attack).
 */
export async function checkForUpdate({
  manifestText,
  trust,
  current,
  installId,
  lastSeenSequence,
  now = new Date(),
}: CheckForUpdateOptions): Promise<UpdateDecision> {
  if (!valid(current.version))
    throw new TypeError(`Installed version is not a semver version: ${current.version}`)
  const manifest = await verifyManifest(manifestText, trust)
  assertManifestIsFor(manifest, current)
  if (Date.parse(manifest.expiresAt) <= now.getTime()) {
    throw new VerificationError('MANIFEST_EXPIRED', `The manifest expired at ${manifest.expiresAt}`)
  }
  if (lastSeenSequence !== undefined && manifest.sequence < lastSeenSequence) {
    throw new VerificationError(
      'SEQUENCE_ROLLBACK',
      `The manifest sequence ${manifest.sequence} is older than the last one seen (${lastSeenSequence})`,
    )
  }
  const { sequence } = manifest

  const isPulled = (version: string) => manifest.pulled.some((entry) => eq(entry.version, version))
  const pulled = manifest.pulled.find((entry) => eq(entry.version, current.version))
  if (pulled) {
    const { rollbackTo } = pulled
    const release =
      rollbackTo === null
        ? undefined
        : manifest.releases.find((candidate) => eq(candidate.version, rollbackTo))
    return { action: 'rollback', rollbackTo, ...(release ? { release } : {}), sequence }
  }

  // Sorted here rather than trusting the server's order: the choice must never be a downgrade.
  const newer = manifest.releases
    .filter((release) => gt(release.version, current.version) && !isPulled(release.version))
    .sort((left, right) => rcompare(left.version, right.version))
  // Outside the newest release's rollout, an install still takes the newest one it is in.
  const chosen = newer.find((release) =>
    isInRollout(installId, release.version, release.rolloutPercent),
  )
  if (!chosen) return { action: 'up-to-date', sequence }

  return {
    action: 'update',
    release: chosen,
    critical: includesCriticalRelease(newer, chosen),
    automatic:
      chosen.minimumUpgradeFrom === null || gte(current.version, chosen.minimumUpgradeFrom),
    sequence,
  }
}

/** The chosen release, or one between the installed version and it, is critical. */
function includesCriticalRelease(
  newerNewestFirst: ManifestRelease[],
  chosen: ManifestRelease,
): boolean {
  return newerNewestFirst.some(
    (release) => release.critical && !gt(release.version, chosen.version),
  )
}
