import { sign } from 'node:crypto'
import { promisify } from 'node:util'

import type { Payload } from 'payload'

import type { SignedKind } from '../../src/lib/protocol'
import { countSignature } from '../metrics'
import { activeSigningKey, loadedSigningKey } from './activeSigningKeys'
import type { SigningKey } from './signingKey'

const base64url = (text: string): string => Buffer.from(text).toString('base64url')

/** `sign` with a callback: node:crypto signs in libuv's thread pool, off the event loop. */
const signInThreadPool = promisify(sign)

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

/** The claims as signed: with `iat` (seconds) added when they lack it. */
const claimsJsonOf = (claims: Record<string, unknown>): string =>
  JSON.stringify(
    claims.iat === undefined ? { ...claims, iat: Math.floor(Date.now() / 1000) } : claims,
  )

/** The JWS signing input: the header of `kind` and the claims. */
const signingInputOf = (key: SigningKey, kind: SignedKind, claimsJson: string): string =>
  `${encodedHeader(key, kind)}.${base64url(claimsJson)}`

/**
 * A compact JWS of `claims` signed by `key` (header `{ alg: 'EdDSA', kid, typ: kind }`), with `iat`
 * (seconds) added when the claims lack it. Ed25519 through node:crypto, synchronously.
 */
export const signWithKey = (
  key: SigningKey,
  kind: SignedKind,
  claims: Record<string, unknown>,
): string => {
  const signingInput = signingInputOf(key, kind, claimsJsonOf(claims))
  const signature = sign(null, Buffer.from(signingInput), key.privateKey).toString('base64url')
  countSignature(kind)
  return `${signingInput}.${signature}`
}

/** A signature made in the thread pool, of claims already in JSON. */
const signJsonInThreadPool = async (
  key: SigningKey,
  kind: SignedKind,
  claimsJson: string,
): Promise<string> => {
  const signingInput = signingInputOf(key, kind, claimsJson)
  const signature = await signInThreadPool(null, Buffer.from(signingInput), key.privateKey)
  countSignature(kind)
  return `${signingInput}.${signature.toString('base64url')}`
}

/** The active key: itself once loaded (no promise to settle), else the promise of boot's load. */
const activeKeyOf = (payload: Payload): SigningKey | Promise<SigningKey> =>
  loadedSigningKey(payload) ?? activeSigningKey(payload)

/**
 * Signs `claims` as a `kind` object with this server's active key. The signature is made in the
 * thread pool: an Ed25519 signature is ≈ 30 µs of CPU, which the event loop spends on other
 * requests meanwhile (every validate answer is signed).
 */
export const signJws = async (
  payload: Payload,
  kind: SignedKind,
  claims: Record<string, unknown>,
): Promise<string> => signJsonInThreadPool(await activeKeyOf(payload), kind, claimsJsonOf(claims))

/**
 * `signJws` of claims the caller has serialised itself (with their `iat`): an answer that sends
 * the same fields it signs writes their JSON once.
 */
export const signJwsOfJson = async (
  payload: Payload,
  kind: SignedKind,
  claimsJson: string,
): Promise<string> => signJsonInThreadPool(await activeKeyOf(payload), kind, claimsJson)
