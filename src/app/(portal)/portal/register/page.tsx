import config from '@payload-config'
import type { Metadata } from 'next'
import { getPayload } from 'payload'

import {
  describeRegistration,
  isRegistrationError,
  type RegistrationOffer,
} from '../../../../../plugins/registration'
import { RegisterForm } from './RegisterForm'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Your portal account · ProMonitor',
  // The address holds the register token: never send it to another site as a Referer, never
  // index it. ('no-referrer' would make the browser send `Origin: null` with the form, which
  // Next's Server Actions check refuses.)
  referrer: 'same-origin',
  robots: { index: false, follow: false },
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const refused = (message: string) => (
  <main className="register">
    <h1>This link cannot be used</h1>
    <p id="register-error" className="register-error" role="alert">
      {message}
    </p>
    <p>
      <a href="/">ProMonitor License &amp; Update Hub</a>
    </p>
  </main>
)

/**
 * Where the register link of a trial or license mail leads: the mailbox owner creates their
 * portal account, or adds the company to the account they have, and is signed in.
 */
export default async function RegisterPage({ searchParams }: Props) {
  const { token } = await searchParams
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
    return refused(
      'This page opens from the link in your trial or license mail. Open that link again, or ask for a new one.',
    )
  }
  const payload = await getPayload({ config })
  let offer: RegistrationOffer
  try {
    offer = await describeRegistration(payload, token)
  } catch (error) {
    if (isRegistrationError(error)) return refused(error.message)
    throw error
  }
  return (
    <main className="register">
      <h1>
        {offer.hasAccount ? 'Add this company to your account' : 'Create your portal account'}
      </h1>
      <p className="lead">
        {offer.hasAccount
          ? `Sign in as ${offer.email} to see ${offer.company.name}'s licenses with your others.`
          : `For ${offer.email}: see the licenses of ${offer.company.name}, documentation and downloads.`}
      </p>
      <RegisterForm token={token} email={offer.email} hasAccount={offer.hasAccount} />
    </main>
  )
}
