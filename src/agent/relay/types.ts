/** A node's seat through the master: the server-signed license file bound to the node. */
export type Lease = {
  fingerprint: string
  product: string
  line: string
  role: string
  hostname: string | null
  appVersion: string | null
  licenseFile: string
  /** The file's own `exp` (ISO): never handed out past it. */
  fileExpiresAt: string
  leasedAt: string
  renewedAt: string
  expiresAt: string
}

/** `state.json`'s `relay` on the master: the pairing secret (sealed) and the leases. */
export type RelayRecord = {
  sealedSecret: string | null
  leases: Record<string, Lease>
  /** Seats to free on the server once it answers (a lease released or culled while offline). */
  pendingReleases: string[]
}

export const defaultRelayPort = 47801
export const defaultLeaseTtlSeconds = 600
