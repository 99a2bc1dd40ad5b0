'use server'

import config from '@payload-config'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { mailPasswordReset, resetPasswordWithToken } from '../../../../../plugins/signIn'

const maxTokenLength = 512

const field = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** The form's new password, twice, for the token the mail carried; then back to the page. */
export async function resetPortalPassword(form: FormData): Promise<void> {
  const payload = await getPayload({ config })
  const token = field(form, 'token')
  const outcome = await resetPasswordWithToken(payload, {
    collection: 'customer-users',
    token,
    password: field(form, 'password'),
    passwordAgain: field(form, 'passwordAgain'),
  })
  if (outcome.changed) redirect('/portal/reset?changed=1')
  // The token is already in the link the mail carried; a refused password keeps it usable.
  // A token longer than any Payload issues (40 characters) is no token: kept out of the address,
  // where a huge one overflows the answer's headers.
  if (outcome.problem === 'INVALID_TOKEN' || token.length > maxTokenLength)
    redirect('/portal/reset?problem=INVALID_TOKEN')
  redirect(`/portal/reset?${new URLSearchParams({ token, problem: outcome.problem })}`)
}

/** A new reset mail; the answer is the same whether or not the email has an account. */
export async function requestPortalReset(form: FormData): Promise<void> {
  const payload = await getPayload({ config })
  const email = field(form, 'email').trim()
  if (email) await mailPasswordReset(payload, { collection: 'customer-users', email })
  redirect('/portal/reset?sent=1')
}
