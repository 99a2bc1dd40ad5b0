import { createHash } from 'node:crypto'
import { CompactSign, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose'
import { TrustStore } from '../../src/sdk/trustStore'

export type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK }

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  })
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }
  return { kid, privateKey, publicJwk }
}

export async function sign(
  key: SigningKey,
  typ: string,
  payload: unknown,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ, ...header })
    .sign(key.privateKey)
}

/** A key statement: `signer` vouches for `announced`, as the server's key rotation publishes it. */
export function signKeyStatement(signer: SigningKey, announced: SigningKey): Promise<string> {
  return sign(signer, 'key+jws', {
    kid: announced.kid,
    jwk: announced.publicJwk,
    iat: Math.floor(Date.now() / 1000),
  })
}

export function trustOnly(...keys: SigningKey[]): TrustStore {
  return new TrustStore(keys.map((key) => key.publicJwk))
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

/**
 * Same header and signature, payload rewritten: what an attacker editing a signed object produces.
 */
export function withEditedPayload(
  jws: string,
  edit: (payload: Record<string, unknown>) => void,
): string {
  const [header, payload, signature] = jws.split('.')
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  edit(decoded)
  return [header, base64url(JSON.stringify(decoded)), signature].join('.')
}

/** Changes one character of the signature segment. */
export function withChangedSignatureCharacter(jws: string): string {
  const [header, payload, signature] = jws.split('.')
  const replacement = signature[10] === 'A' ? 'B' : 'A'
  return [header, payload, signature.slice(0, 10) + replacement + signature.slice(11)].join('.')
}

/** A compact JWS built by hand, for headers jose refuses to produce (alg none, missing kid). */
export function unsignedJws(
  header: Record<string, unknown>,
  payload: unknown,
  signature = '',
): string {
  return [base64url(JSON.stringify(header)), base64url(JSON.stringify(payload)), signature].join(
    '.',
  )
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
