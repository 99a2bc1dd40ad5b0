import {
  compactVerify,
  decodeProtectedHeader,
  errors,
  importJWK,
  type CompactJWSHeaderParameters,
  type CryptoKey,
  type JWK,
} from 'jose'
import { SignedKind, type PublicSigningKey } from '../lib/protocol'
import { VerificationError } from './errors'
import { isPlainObject } from './payloadFields'

export type VerifiedObject = {
  payload: Record<string, unknown>
  header: CompactJWSHeaderParameters
}

export type { PublicSigningKey }

const algorithm = 'EdDSA'

/** Keeps only the public part, so a private key pasted by mistake is never held or handed back. */
function toPublicSigningKey(jwk: unknown): PublicSigningKey | null {
  if (!isPlainObject(jwk)) return null
  const { kty, crv, x, kid, alg, use } = jwk
  if (
    kty !== 'OKP' ||
    crv !== 'Ed25519' ||
    typeof x !== 'string' ||
    typeof kid !== 'string' ||
    !kid
  )
    return null
  if (alg !== undefined && alg !== algorithm) return null
  if (use !== undefined && use !== 'sig') return null
  return { kty, crv, x, kid, alg: algorithm, use: 'sig' }
}

/**
 * The public keys an app trusts. It starts from the keys pinned in the app and grows only through
 * key statements signed by a key it already trusts, so whoever controls the network cannot add one.
 */
export class TrustStore {
  readonly #keys = new Map<string, PublicSigningKey>()
  readonly #importedKeys = new Map<string, Promise<CryptoKey | Uint8Array>>()

  constructor(jwks: JWK[]) {
    for (const jwk of jwks) {
      const key = toPublicSigningKey(jwk)
      if (!key)
        throw new VerificationError(
          'MALFORMED',
          'A pinned key is not an Ed25519 public JWK with a kid',
        )
      this.#keys.set(key.kid, key)
    }
  }

  trustedKids(): string[] {
    return [...this.#keys.keys()]
  }

  /** The trusted public keys, for an app to persist the ones it accepted through rotation. */
  trustedKeys(): PublicSigningKey[] {
    return [...this.#keys.values()].map((key) => ({ ...key }))
  }

  /**
   * Accepts the keys announced by `statements` (as served by `GET /api/v1/keys`) whose chain leads
   * back to a trusted key, in any order (K1 signs K2, K2 signs K3). Statements signed by unknown
   * keys, forged ones, and ones that would give a trusted kid a different key are ignored.
   * Returns the kids newly trusted.
   */
  async acceptKeyStatements(statements: string[]): Promise<string[]> {
    const accepted: string[] = []
    let pending = statements.filter((statement) => typeof statement === 'string')
    let madeProgress = true
    while (madeProgress && pending.length > 0) {
      madeProgress = false
      const stillPending: string[] = []
      for (const statement of pending) {
        const signerKid = this.#signerKid(statement)
        if (signerKid === null) continue
        if (!this.#keys.has(signerKid)) {
          stillPending.push(statement)
          continue
        }
        const kid = await this.#acceptKeyStatement(statement)
        if (kid) {
          accepted.push(kid)
          madeProgress = true
        }
      }
      pending = stillPending
    }
    return accepted
  }

  /**
   * Verifies a compact JWS signed by a trusted key and of the expected kind; throws
   * VerificationError.
   */
  async verify(jws: string, expectedKind: SignedKind): Promise<VerifiedObject> {
    if (typeof jws !== 'string')
      throw new VerificationError('MALFORMED', 'Signed object is not a string')
    const compact = jws.trim()
    let unverifiedHeader: CompactJWSHeaderParameters
    try {
      unverifiedHeader = decodeProtectedHeader(compact) as CompactJWSHeaderParameters
    } catch (error) {
      throw new VerificationError('MALFORMED', 'Signed object is not a compact JWS', {
        cause: error,
      })
    }
    if (compact.split('.').length !== 3)
      throw new VerificationError('MALFORMED', 'Signed object is not a compact JWS')
    if (unverifiedHeader.alg !== algorithm) {
      throw new VerificationError(
        'BAD_SIGNATURE',
        `Signature algorithm ${String(unverifiedHeader.alg)} is not accepted`,
      )
    }
    const kid = unverifiedHeader.kid
    if (typeof kid !== 'string' || !this.#keys.has(kid)) {
      throw new VerificationError(
        'UNKNOWN_KEY',
        `Signed by a key that is not trusted: ${String(kid)}`,
      )
    }

    let verified: Awaited<ReturnType<typeof compactVerify>>
    try {
      verified = await compactVerify(compact, await this.#importedKey(kid), {
        algorithms: [algorithm],
      })
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) {
        throw new VerificationError('BAD_SIGNATURE', 'Signature does not match', { cause: error })
      }
      throw new VerificationError('MALFORMED', 'Signed object cannot be verified', { cause: error })
    }

    if (verified.protectedHeader.typ !== expectedKind) {
      throw new VerificationError(
        'WRONG_KIND',
        `Expected a ${expectedKind}, got ${String(verified.protectedHeader.typ)}`,
      )
    }
    let payload: unknown
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(verified.payload))
    } catch (error) {
      throw new VerificationError('MALFORMED', 'Signed payload is not JSON', { cause: error })
    }
    if (!isPlainObject(payload))
      throw new VerificationError('MALFORMED', 'Signed payload is not an object')
    return { payload, header: verified.protectedHeader }
  }

  #signerKid(statement: string): string | null {
    try {
      const { kid } = decodeProtectedHeader(statement)
      return typeof kid === 'string' ? kid : null
    } catch {
      return null
    }
  }

  async #acceptKeyStatement(statement: string): Promise<string | null> {
    let payload: Record<string, unknown>
    try {
      ;({ payload } = await this.verify(statement, SignedKind.key))
    } catch {
      return null
    }
    const key = toPublicSigningKey(payload.jwk)
    if (!key || key.kid !== payload.kid) return null
    if (this.#keys.has(key.kid)) return null
    this.#keys.set(key.kid, key)
    return key.kid
  }

  #importedKey(kid: string): Promise<CryptoKey | Uint8Array> {
    let imported = this.#importedKeys.get(kid)
    if (!imported) {
      imported = importJWK(this.#keys.get(kid) as JWK, algorithm)
      // A failed import is not cached, so a later call can try again.
      imported.catch(() => this.#importedKeys.delete(kid))
      this.#importedKeys.set(kid, imported)
    }
    return imported
  }
}
