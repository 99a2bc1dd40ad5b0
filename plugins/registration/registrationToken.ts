import { randomUUID } from 'node:crypto'

import { errors, jwtVerify, SignJWT } from 'jose'
import type { Payload } from 'payload'

import { keyFromSecret } from '../signing'
import { RegistrationError } from './registrationError'
import { registrationSettings } from './settings'

const audience = 'portal-registration'
const tokenType = 'register+jwt'
const keyOf = (payload: Payload) => keyFromSecret(payload, 'portal-registration-token v1')

/**
 * What a register link lets the owner of `email`'s mailbox do: claim `customer` (made for
 * `license`).
 */
export type RegistrationGrant = {
  /** Unique per token: consumed once in `registration-claims`. */
  tokenId: string
  email: string
  customer: number | string
  license?: number | string
  expiresAt: Date
}

/** A signed, expiring register token (HS256 JWT, its own key derived from the Payload secret). */
export const issueRegistrationToken = async (
  payload: Payload,
  {
    email,
    customer,
    license,
  }: { email: string; customer: number | string; license?: number | string },
  now = new Date(),
): Promise<string> => {
  const issuedAt = Math.floor(now.getTime() / 1000)
  return new SignJWT({ customer, ...(license !== undefined ? { license } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: tokenType })
    .setJti(randomUUID())
    .setSubject(email.trim().toLowerCase())
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + registrationSettings(payload).linkDays * 86_400)
    .sign(keyOf(payload))
}

const isId = (value: unknown): value is number | string =>
  (typeof value === 'number' && Number.isInteger(value)) ||
  (typeof value === 'string' && value.length > 0)

/**
 * The grant a token carries; refuses one that is expired (`LINK_EXPIRED`) or not ours
 * (`LINK_INVALID`). Does not look at whether it was used.
 */
export const readRegistrationToken = async (
  payload: Payload,
  token: string,
  now = new Date(),
): Promise<RegistrationGrant> => {
  try {
    const { payload: claims } = await jwtVerify(token, keyOf(payload), {
      algorithms: ['HS256'],
      audience,
      typ: tokenType,
      currentDate: now,
      requiredClaims: ['jti', 'sub', 'exp'],
    })
    if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || !isId(claims.customer))
      throw new Error('incomplete claims')
    if (claims.license !== undefined && !isId(claims.license)) throw new Error('bad license claim')
    return {
      tokenId: claims.jti,
      email: claims.sub,
      customer: claims.customer,
      license: claims.license as number | string | undefined,
      expiresAt: new Date((claims.exp as number) * 1000),
    }
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new RegistrationError(
        'LINK_EXPIRED',
        'This link has expired. Ask for a new one: start the trial again from the app, or ask whoever created your license.',
      )
    throw new RegistrationError(
      'LINK_INVALID',
      'This link is not valid. Check that you copied the whole link from the mail, or ask for a new one.',
    )
  }
}
