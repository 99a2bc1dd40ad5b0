import type { NodeLicense } from '../license/masterLogin'

/** A node's seat through the master: the server-signed license file bound to the node. */
export type Lease = {
  fingerprint: string
  product: string
  line: string
  role: string
  hostname: string | null
  appVersion: string | null
  /** The license the seat is lent from: the master's own, or one of `nodeLicenses`. */
  licenseId?: string
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
  /** The license of each pending release that is not the master's own (by fingerprint). */
  pendingReleaseLicenses?: Record<string, string>
  /** The company's other licenses the master lends seats of (`relay load-license`), keys sealed. */
  nodeLicenses: NodeLicense[]
}

export const defaultRelayPort = 47801
export const defaultLeaseTtlSeconds = 600
