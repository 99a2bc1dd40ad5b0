import type { ManifestArtifact, ManifestRelease } from '../../lib/protocol'

export type {
  ManifestArtifact,
  ManifestRelease,
  PulledRelease,
  UpdateManifest,
} from '../../lib/protocol'

/** What the installed app is. */
export type InstalledApp = {
  product: string
  line: string
  channel: string
  platform: string
  version: string
}

export type UpdateDecision =
  | { action: 'up-to-date'; sequence: number }
  | {
      action: 'update'
      release: ManifestRelease
      /** The release, or one it includes that this install has not got yet, is critical. */
      critical: boolean
      /** False when the install is older than the release's `minimumUpgradeFrom`. */
      automatic: boolean
      sequence: number
    }
  | { action: 'rollback'; rollbackTo: string | null; release?: ManifestRelease; sequence: number }

export type ExpectedArtifact = Pick<ManifestArtifact, 'sha256' | 'size'>
