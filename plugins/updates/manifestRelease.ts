import type { Artifact, Release } from '../../payload-types'
import type { ManifestRelease } from '../../src/lib/protocol'

/**
 * The fields of a release a manifest lists; a change to any of them bumps the channel's sequence.
 */
export const releaseFieldsInManifest = {
  product: true,
  line: true,
  channel: true,
  status: true,
  version: true,
  releasedAt: true,
  critical: true,
  minimumUpgradeFrom: true,
  rolloutPercent: true,
  requires: true,
  summary: true,
  rollbackTo: true,
  archived: true,
  createdAt: true,
  _status: true,
} as const

export type ListedRelease = Pick<Release, keyof typeof releaseFieldsInManifest | 'id'>
export type ListedArtifact = Pick<Artifact, 'id' | 'sha256' | 'size' | 'release'>

export const notesUrlOf = (publicUrl: string, releaseId: number | string): string =>
  `${publicUrl}/portal/releases/${releaseId}`

export const artifactUrlOf = (publicUrl: string, artifactId: number | string): string =>
  `${publicUrl}/api/v1/downloads/${artifactId}`

/**
 * `[{ product: 'collector', range: '>=7.3.0' }]` → `{ collector: '>=7.3.0' }`; undefined when
 * empty.
 */
export const requirementsOf = (
  release: Pick<Release, 'requires'>,
): Record<string, string> | undefined => {
  const entries = (release.requires ?? []).map(({ product, range }) => [product, range] as const)
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** One release as a manifest lists it, with its artifact for the manifest's platform. */
export const toManifestRelease = (
  release: ListedRelease,
  artifact: ListedArtifact,
  publicUrl: string,
): ManifestRelease => {
  const requires = requirementsOf(release)
  return {
    version: release.version,
    releasedAt: new Date(release.releasedAt ?? release.createdAt).toISOString(),
    critical: Boolean(release.critical),
    minimumUpgradeFrom: release.minimumUpgradeFrom || null,
    rolloutPercent: Number(release.rolloutPercent ?? 100),
    ...(requires ? { requires } : {}),
    notesUrl: notesUrlOf(publicUrl, release.id),
    summary: release.summary || null,
    artifact: {
      id: String(artifact.id),
      url: artifactUrlOf(publicUrl, artifact.id),
      sha256: String(artifact.sha256),
      size: Number(artifact.size),
    },
  }
}
