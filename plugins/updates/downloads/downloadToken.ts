import { hkdfSync } from 'node:crypto'

import { errors, jwtVerify, SignJWT } from 'jose'
import type { Payload } from 'payload'

import { ClientError } from '../../clientApi'

const audience = 'artifact-download'
const keys = new WeakMap<Payload, Uint8Array>()

/** An HMAC key for download tokens, derived from the Payload secret (never the secret itself). */
const tokenKeyOf = (payload: Payload): Uint8Array => {
  let key = keys.get(payload)
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', payload.secret, 'license-update-hub', 'artifact-download-token v1', 32))
    keys.set(payload, key)
  }
  return key
}

/** A short-lived token (HS256 JWT) that lets its bearer fetch one artifact's file until `expiresAt`. */
export const issueDownloadToken = async (
  payload: Payload,
  artifactId: number | string,
  { seconds, now = new Date() }: { seconds: number; now?: Date },
): Promise<{ token: string; expiresAt: Date }> => {
  const issuedAt = Math.floor(now.getTime() / 1000)
  const expiresAt = issuedAt + seconds
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'download+jwt' })
    .setSubject(String(artifactId))
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(tokenKeyOf(payload))
  return { token, expiresAt: new Date(expiresAt * 1000) }
}

/** Refuses a token that is expired (403 TOKEN_EXPIRED), forged, malformed or for another artifact (403 TOKEN_INVALID). */
export const verifyDownloadToken = async (payload: Payload, token: string, artifactId: number | string, now = new Date()): Promise<void> => {
  let subject: string | undefined
  try {
    const { payload: claims } = await jwtVerify(token, tokenKeyOf(payload), { algorithms: ['HS256'], audience, currentDate: now })
    subject = claims.sub
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new ClientError(403, 'TOKEN_EXPIRED', 'The download link expired; ask for a new one')
    throw new ClientError(403, 'TOKEN_INVALID', 'The download link is not valid')
  }
  if (subject !== String(artifactId)) throw new ClientError(403, 'TOKEN_INVALID', 'The download link is for another artifact')
}
