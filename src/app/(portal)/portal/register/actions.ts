'use server'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { claimRegistration, isRegistrationError } from '../../../../../plugins/registration'
import { showLoginNotice } from '../loginNotice/loginNoticeCookie'
import type { RegisterState } from './registerState'
import { setSessionCookie } from './sessionCookie'

const field = (form: FormData, name: string): string | undefined => {
  const value = form.get(name)
  return typeof value === 'string' ? value : undefined
}

/**
 * The register form's submission (a server action: Next checks its Origin, and it works as a
 * plain form post without JavaScript). Claims the link, sets the session cookie and leaves the
 * page, so the token is in no address the browser shows afterwards.
 */
export async function claimRegisterLink(
  _previous: RegisterState,
  form: FormData,
): Promise<RegisterState> {
  const token = field(form, 'token')
  const password = field(form, 'password') ?? ''
  const confirmation = field(form, 'passwordConfirmation')
  if (!token || token.length > 4096)
    return {
      linkRefused: true,
      error: { message: 'This link is not valid. Open the link from your mail again.' },
    }
  // pbkdf2 hashes whatever it is given: a bound keeps a huge field from costing seconds.
  if (!password) return { error: { message: 'Enter a password.', field: 'password' } }
  if (password.length > 256)
    return { error: { message: 'Use a password of at most 256 characters.', field: 'password' } }
  if (confirmation !== undefined && confirmation !== password)
    return {
      hasAccount: false,
      error: { message: 'The two passwords are not the same.', field: 'passwordConfirmation' },
    }

  const payload = await getPayload({ config })
  let session: string
  try {
    session = (await claimRegistration(payload, { token, password, headers: await headers() }))
      .session.token
  } catch (error) {
    if (!isRegistrationError(error)) throw error
    if (error.isLinkRefused) return { linkRefused: true, error: { message: error.message } }
    return {
      hasAccount: error.code !== 'PASSWORD_REJECTED',
      error: {
        message: error.message,
        ...(error.code === 'TOO_MANY_SIGN_INS' ? {} : { field: 'password' as const }),
      },
    }
  }
  await setSessionCookie(payload, session)
  await showLoginNotice(payload)
  redirect('/portal')
}
