import { errors, jwtVerify, SignJWT } from 'jose'
import type { Payload } from 'payload'

import { ClientError } from '../../clientApi'
import { keyFromSecret } from '../../signing'

const audience = 'artifact-download'

/** The HMAC key of download tokens (its own, derived from the Payload secret). */
const tokenKeyOf = (payload: Payload): Uint8Array =>
  keyFromSecret(payload, 'artifact-download-token v1')

/**
 * A short-lived token (HS256 JWT) that lets its bearer fetch one artifact's file until `expiresAt`.
 */
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

/**
 * Refuses a token that is expired (403 TOKEN_EXPIRED), forged, malformed or for another artifact
 * (403 TOKEN_INVALID).
 */
export const verifyDownloadToken = async (
  payload: Payload,
  token: string,
  artifactId: number | string,
  now = new Date(),
): Promise<void> => {
  let subject: string | undefined
  try {
    const { payload: claims } = await jwtVerify(token, tokenKeyOf(payload), {
      algorithms: ['HS256'],
      audience,
      currentDate: now,
    })
    subject = claims.sub
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new ClientError(403, 'TOKEN_EXPIRED', 'The download link expired; ask for a new one')
    throw new ClientError(403, 'TOKEN_INVALID', 'The download link is not valid')
  }
  if (subject !== String(artifactId))
    throw new ClientError(403, 'TOKEN_INVALID', 'The download link is for another artifact')
}
