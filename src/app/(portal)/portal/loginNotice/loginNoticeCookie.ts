import { cookies } from 'next/headers'
import type { Payload } from 'payload'

import { customerCollectionSlug } from '../../../../../collections/access/roles'

/** Present from a sign-in until the customer dismisses the notice or signs out. */
export const loginNoticeCookie = 'portal-login-notice'

/** Called at sign-in: the next page shows the licenses that need attention. */
export const showLoginNotice = async (payload: Payload): Promise<void> => {
  const { cookies: sessionCookie } = payload.collections[customerCollectionSlug].config.auth
  // No expiry: a browser-session cookie, like the notice it stands for.
  ;(await cookies()).set(loginNoticeCookie, '1', {
    httpOnly: true,
    path: '/',
    sameSite: 'lax',
    secure: sessionCookie.secure || false,
  })
}

export const isLoginNoticeShown = async (): Promise<boolean> =>
  (await cookies()).has(loginNoticeCookie)

export const forgetLoginNotice = async (): Promise<void> => {
  ;(await cookies()).delete(loginNoticeCookie)
}
