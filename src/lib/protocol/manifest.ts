export type ManifestArtifact = {
  id: string
  url: string
  /** Lowercase hex SHA-256 of the artifact's bytes. */
  sha256: string
  /** Exact length in bytes. */
  size: number
}

export type ManifestRelease = {
  version: string
  releasedAt: string
  critical: boolean
  /** Installs older than this cannot upgrade unattended (a migration step needs a person). */
  minimumUpgradeFrom: string | null
  rolloutPercent: number
  /**
   * Versions of other products this release needs, as semver ranges: `{ collector: '>=7.3.0' }`.
   */
  requires?: Record<string, string>
  notesUrl: string | null
  summary: string | null
  artifact: ManifestArtifact
}

export type PulledRelease = {
  version: string
  /** Where installs of the pulled version go back to; null when there is no earlier release. */
  rollbackTo: string | null
}

/** The signed payload of an update manifest (JWS `typ: manifest+jws`). */
export type UpdateManifest = {
  product: string
  line: string
  channel: string
  platform: string
  /** Grows with every change of the channel, pulls included; an app never accepts a lower one. */
  sequence: number
  issuedAt: string
  expiresAt: string
  /** Newest first. */
  releases: ManifestRelease[]
  pulled: PulledRelease[]
  /** Set on the manifest inside an offline bundle. */
  offline?: boolean
}
