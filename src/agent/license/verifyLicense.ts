import {
  isVerificationError,
  verifyLicenseFile,
  verifySignedAnswer,
  type LicenseFileClaims,
  type SignedKind,
  type TrustStore,
} from '../../sdk'
import { AgentError } from '../errors'
import type { AgentConfig } from '../state/types'
import { loadTrust } from '../update/trust'
import { seal } from './sealedSecrets'
import { stateOfLicense, summaryOf } from './licenseRecord'
import type { LicenseRecord } from './types'

/** How far behind the latest time it showed this machine's clock may go before it is suspect. */
const allowedClockSkewMs = 5 * 60 * 1000

const asAgentError = (error: unknown): never => {
  if (isVerificationError(error)) throw new AgentError(error.code, error.message, { cause: error })
  throw error
}

export type LicenseCheckScope = {
  config: AgentConfig
  fingerprint: string
  now: Date
  /** The latest time this state folder has seen (`latestSeenAt`). */
  latestSeenAt: string | null
  trust?: TrustStore
}

/**
 * A license file this installation may use: signed by a pinned key (or one its rotation chain
 * leads to), bound to this fingerprint, of the app's product and line, within its validity, and
 * not issued in this clock's future nor seen with a clock set back. Each refusal has its `code`.
 */
export const verifyFileForInstallation = async (
  text: string,
  { config, fingerprint, now, latestSeenAt, trust }: LicenseCheckScope,
): Promise<LicenseFileClaims> => {
  if (latestSeenAt && now.getTime() < Date.parse(latestSeenAt) - allowedClockSkewMs)
    throw new AgentError(
      'CLOCK_SET_BACK',
      `This machine's clock (${now.toISOString()}) is behind a time it already showed (${latestSeenAt}); set it right`,
    )
  const claims = await verifyLicenseFile(text, {
    trust: trust ?? (await loadTrust(config)),
    fingerprint,
    now,
  }).catch(asAgentError)
  if (claims.fingerprint === null)
    throw new AgentError(
      'FINGERPRINT_MISMATCH',
      `The license file is not bound to an installation; ask for one bound to ${fingerprint}`,
    )
  if (claims.product !== config.app.product)
    throw new AgentError(
      'PRODUCT_MISMATCH',
      `The license file is for ${claims.product}, this is ${config.app.product}`,
    )
  if (claims.line.toLowerCase() !== config.app.line.toLowerCase())
    throw new AgentError(
      'LINE_MISMATCH',
      `The license file is for the ${claims.line} line, this is ${config.app.line}`,
    )
  const { state, code } = stateOfLicense(summaryOf(claims), null, now)
  if (state === 'expired' || code === 'NOT_STARTED')
    throw new AgentError(
      code,
      code === 'EXPIRED'
        ? `The license expired on ${claims.expiresAt}`
        : `The license starts on ${claims.startsAt}`,
    )
  return claims
}

/** A signed decision (validation, activation, usage) that echoes our nonce: its signed fields. */
export const verifyAnswer = async (
  config: AgentConfig,
  body: Record<string, unknown>,
  kind: SignedKind,
  nonce: string,
): Promise<Record<string, unknown>> => {
  if (typeof body.signed !== 'string')
    throw new AgentError('MALFORMED', 'The server answer is not signed', { refused: false })
  return verifySignedAnswer(body.signed, kind, { trust: await loadTrust(config), nonce }).catch(
    asAgentError,
  )
}

/** Keeps a verified license file (and its key) sealed, and its summary in clear. */
export const storeLicenseFile = async (
  stateDir: string,
  record: LicenseRecord,
  text: string,
  claims: LicenseFileClaims,
): Promise<void> => {
  record.sealedLicenseFile = await seal(stateDir, text)
  record.sealedKey = await seal(stateDir, claims.key)
  record.license = summaryOf(claims)
}
