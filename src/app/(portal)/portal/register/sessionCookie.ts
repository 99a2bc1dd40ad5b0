import { cookies } from 'next/headers'
import { generatePayloadCookie, type Payload } from 'payload'

import { customerCollectionSlug } from '../../../../../collections/access/roles'

/**
 * Signs the customer account in: Payload's auth cookie for `token`, set as its own login does
 * (`@payloadcms/next/auth`).
 */
export const setSessionCookie = async (payload: Payload, token: string): Promise<void> => {
  const authConfig = payload.collections[customerCollectionSlug].config.auth
  const cookie = generatePayloadCookie({
    collectionAuthConfig: authConfig,
    cookiePrefix: payload.config.cookiePrefix,
    returnCookieAsObject: true,
    token,
  })
  if (!cookie.value) return
  ;(await cookies()).set(cookie.name, cookie.value, {
    domain: authConfig.cookies.domain,
    expires: cookie.expires ? new Date(cookie.expires) : undefined,
    httpOnly: true,
    path: '/',
    sameSite:
      typeof authConfig.cookies.sameSite === 'string'
        ? (authConfig.cookies.sameSite.toLowerCase() as 'lax' | 'strict' | 'none')
        : 'lax',
    secure: authConfig.cookies.secure || false,
  })
}
