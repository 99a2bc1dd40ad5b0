import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { calculateJwkThumbprint } from 'jose'

import type { PublicSigningKey } from '../../src/lib/protocol'

/** An Ed25519 private key ready to sign, with its published half and kid (RFC 7638 thumbprint). */
export type SigningKey = {
  kid: string
  privateKey: KeyObject
  publicJwk: PublicSigningKey
}

type PrivateJwk = { kty: 'OKP'; crv: 'Ed25519'; d: string; x?: string }

const parseJwk = (input: string | Record<string, unknown>, name: string): PrivateJwk => {
  let jwk: unknown = input
  if (typeof input === 'string') {
    try {
      jwk = JSON.parse(input)
    } catch {
      throw new Error(`${name} is not JSON (expected an Ed25519 private JWK)`)
    }
  }
  const candidate = jwk as Partial<PrivateJwk> | null
  if (
    !candidate ||
    candidate.kty !== 'OKP' ||
    candidate.crv !== 'Ed25519' ||
    typeof candidate.d !== 'string'
  ) {
    throw new Error(
      `${name} must be an Ed25519 private JWK ({ "kty": "OKP", "crv": "Ed25519", "d": …, "x": … })`,
    )
  }
  return candidate as PrivateJwk
}

/**
 * Imports a private JWK. The public half is derived from `d` (a mismatching `x` is refused), so a
 * key can never publish a public key that does not belong to it.
 */
export const importSigningKey = async (
  input: string | Record<string, unknown>,
  name = 'Signing key',
): Promise<SigningKey> => {
  const jwk = parseJwk(input, name)
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: jwk.d, x: jwk.x ?? '' },
      format: 'jwk',
    })
  } catch {
    throw new Error(`${name} is not a usable Ed25519 private key`)
  }
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string }
  if (jwk.x && jwk.x !== x) throw new Error(`${name}: "x" does not belong to "d"`)
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x }, 'sha256')
  return {
    kid,
    privateKey,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' },
  }
}

/** A fresh Ed25519 private JWK (rotation, tests, the development key). */
export const generatePrivateJwk = (): PrivateJwk => {
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ format: 'jwk' }) as PrivateJwk
}

/**
 * The development key: `<dataDir>/signing-key.json`, created once (mode 0600, exclusive create so
 * two processes starting together end up with the same key). Never committed, never in the
 * database.
 */
export const loadDevelopmentPrivateJwk = (dataDir: string): PrivateJwk => {
  const file = path.join(dataDir, 'signing-key.json')
  try {
    return parseJwk(readFileSync(file, 'utf8'), file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  mkdirSync(dataDir, { recursive: true })
  const jwk = generatePrivateJwk()
  try {
    writeFileSync(file, `${JSON.stringify(jwk)}\n`, { mode: 0o600, flag: 'wx' })
    return jwk
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return parseJwk(readFileSync(file, 'utf8'), file)
  }
}
