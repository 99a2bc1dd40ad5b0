// The client protocol's shapes, shared by the server (plugins/) and the client half (src/sdk,
// src/agent), so neither depends on the other.
export * from './codes'
export { armorLicenseFile, unarmorLicenseFile } from './licenseFileArmor'
export type { LicenseFileClaims } from './licenseFile'
export type { ManifestArtifact, ManifestRelease, PulledRelease, UpdateManifest } from './manifest'
export { offlineBundleMagicLine } from './offlineBundle'
export { SignedKind } from './signedKinds'
export type { PublicSigningKey } from './signingKey'
