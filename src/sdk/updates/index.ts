export { checkForUpdate } from './checkForUpdate'
export type { CheckForUpdateOptions } from './checkForUpdate'
export {
  offlineBundleMagicLine,
  parseOfflineBundleHeader,
  verifyOfflineBundle,
} from './offlineBundle'
export type { OfflineBundleHeader, VerifiedOfflineBundle } from './offlineBundle'
export { planUpdates } from './planUpdates'
export type { PlannedUpdate } from './planUpdates'
export { verifyArtifact, verifyArtifactFile } from './verifyArtifact'
export type { ArtifactSource } from './verifyArtifact'
export {
  assertManifestIsFor,
  extractManifestJws,
  readManifest,
  verifyManifest,
} from './verifyManifest'
export type {
  ExpectedArtifact,
  InstalledApp,
  ManifestArtifact,
  ManifestRelease,
  PulledRelease,
  UpdateDecision,
  UpdateManifest,
} from './types'
