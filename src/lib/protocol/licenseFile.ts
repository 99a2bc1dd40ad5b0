/**
 * The claims of a license file (JWS `typ: license+jws`): issued by the server, verified offline by
 * the app.
 */
export type LicenseFileClaims = {
  licenseId: string
  key: string
  customer: { id: string; name: string }
  product: string
  line: string
  type: string
  modules: string[]
  maxClients: number
  maxUsers: number
  /** The installation the file is bound to; null for a file not yet bound (before activation). */
  fingerprint: string | null
  startsAt: string
  /** When the license itself ends; null for a perpetual license. */
  expiresAt: string | null
  /** Issued at, in seconds. */
  iat: number
  /** End of this file's own short validity, in seconds: after it the app must refresh online. */
  exp: number
}
