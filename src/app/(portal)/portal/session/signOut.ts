'use server'

import config from '@payload-config'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { createLocalReq, getPayload, logoutOperation } from 'payload'

import { forgetLoginNotice } from '../loginNotice/loginNoticeCookie'

/**
 * The header's "Sign out" (a server action: a plain form post, Origin checked by Next). Ends the
 * session as Payload's own logout does (`@payloadcms/next/auth`), then forgets the cookie.
 */
export async function signOut(): Promise<void> {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (user) {
    const req = await createLocalReq({ user }, payload)
    await logoutOperation({
      allSessions: false,
      collection: payload.collections[user.collection],
      req,
    })
  }
  const jar = await cookies()
  jar.delete(`${payload.config.cookiePrefix}-token`)
  await forgetLoginNotice()
  redirect('/portal/login?signedOut=1')
}
