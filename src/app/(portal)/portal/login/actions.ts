'use server'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { customerCollectionSlug } from '../../../../../collections/access/roles'
import { signIn } from '../../../../../plugins/signIn'
import { showLoginNotice } from '../loginNotice/loginNoticeCookie'
import { setSessionCookie } from '../register/sessionCookie'
import { safeReturnPath } from '../session/currentCustomer'
import type { LoginState } from './loginState'

// The same words for an unknown email and a wrong password: the page never tells who has an account.
const wrongEmailOrPassword = 'Wrong email or password. Check both and try again.'

const field = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

type Refusal = Error & { status: number; data?: { code?: string } | null }

/**
 * A refusal Payload threw (its `APIError`), known by its shape: the server bundle can hold a
 * second copy of Payload's error classes, so `instanceof` misses them.
 */
const isRefusal = (error: unknown): error is Refusal => {
  const status = (error as Partial<Refusal> | null)?.status
  return error instanceof Error && typeof status === 'number' && status >= 400 && status < 500
}

/**
 * The sign-in form's submission (a server action: a plain form post, Origin checked by Next).
 * Payload's sign-in with the plugin's limits, the session cookie, the notice for the next page,
 * then the page the person came for (a path of the portal only).
 */
export async function signInToPortal(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = field(form, 'email').trim()
  const password = field(form, 'password')
  if (!email || !password) return { email, error: 'Enter your email and your password.' }
  // pbkdf2 hashes whatever it is given: a bound keeps a huge field from costing seconds.
  if (email.length > 254 || password.length > 256) return { error: wrongEmailOrPassword }

  const payload = await getPayload({ config })
  let token: string | undefined
  try {
    ;({ token } = await signIn(payload, {
      collection: customerCollectionSlug,
      email,
      password,
      headers: await headers(),
    }))
  } catch (error) {
    if (!isRefusal(error)) throw error
    if (error.data?.code === 'TOO_MANY_SIGN_INS') return { email, error: error.message }
    // 401 for a wrong email or password, 400 for an email Payload does not accept as one.
    return { email, error: wrongEmailOrPassword }
  }
  if (!token) return { email, error: wrongEmailOrPassword }
  await setSessionCookie(payload, token)
  await showLoginNotice(payload)
  redirect(safeReturnPath(field(form, 'next')))
}
