import { sign } from 'node:crypto'

import type { Payload } from 'payload'

import type { SignedKind } from '../../src/lib/protocol'
import { countSignature } from '../metrics'
import { activeSigningKey } from './activeSigningKeys'
import type { SigningKey } from './signingKey'

const base64url = (text: string): string => Buffer.from(text).toString('base64url')

const headerCache = new WeakMap<SigningKey, Map<SignedKind, string>>()

const encodedHeader = (key: SigningKey, kind: SignedKind): string => {
  let headers = headerCache.get(key)
  if (!headers) headerCache.set(key, (headers = new Map()))
  let header = headers.get(kind)
  if (!header)
    headers.set(
      kind,
      (header = base64url(JSON.stringify({ alg: 'EdDSA', kid: key.kid, typ: kind }))),
    )
  return header
}

/**
 * A compact JWS of `claims` signed by `key` (header `{ alg: 'EdDSA', kid, typ: kind }`), with `iat`
 * (seconds) added when the claims lack it. Ed25519 through node:crypto: synchronous and fast.
 */
export const signWithKey = (
  key: SigningKey,
  kind: SignedKind,
  claims: Record<string, unknown>,
): string => {
  const body = claims.iat === undefined ? { ...claims, iat: Math.floor(Date.now() / 1000) } : claims
  const signingInput = `${encodedHeader(key, kind)}.${base64url(JSON.stringify(body))}`
  const signature = sign(null, Buffer.from(signingInput), key.privateKey).toString('base64url')
  countSignature(kind)
  return `${signingInput}.${signature}`
}

/** Signs `claims` as a `kind` object with this server's active key. */
export const signJws = async (
  payload: Payload,
  kind: SignedKind,
  claims: Record<string, unknown>,
): Promise<string> => signWithKey(await activeSigningKey(payload), kind, claims)
