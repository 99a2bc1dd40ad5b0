import config from '@payload-config'
import { getPayload } from 'payload'

import { isResetTokenUsable, type PasswordResetProblem } from '../../../../../plugins/signIn'
import { requestPortalReset, resetPortalPassword } from './actions'

export const dynamic = 'force-dynamic'

export const metadata = { title: 'Choose a new password · ProMonitor' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const problems: Record<PasswordResetProblem, string> = {
  PASSWORDS_DIFFER: 'The two passwords differ. Type the same new password twice.',
  PASSWORD_REFUSED: 'This password is not accepted. Choose a new password and type it twice.',
  INVALID_TOKEN:
    'This reset link is invalid or has expired. Ask for a new one below; each link works once.',
}

const single = (value: string | string[] | undefined): string =>
  typeof value === 'string' ? value : ''

const AskForNewLink = () => (
  <form className="reset-form" action={requestPortalReset}>
    <label htmlFor="email">Your account’s email</label>
    <input id="email" name="email" type="email" autoComplete="email" required />
    <button type="submit">Send me a new link</button>
  </form>
)

/**
 * Where a customer's password reset mail leads (`/portal/reset?token=…`): the new password twice,
 * Payload's reset operation, a clear answer. Plain forms and server actions: no client JavaScript.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams
  const token = single(query.token)
  const problem = single(query.problem) as PasswordResetProblem | ''

  if (single(query.changed)) {
    return (
      <main className="reset-page">
        <h1>Your password was changed</h1>
        <p className="reset-done" role="status">
          Sign in with your new password.
        </p>
        <p>
          <a className="reset-link" href="/portal/login">
            Sign in
          </a>
        </p>
      </main>
    )
  }
  if (single(query.sent)) {
    return (
      <main className="reset-page">
        <h1>Check your mail</h1>
        <p className="reset-done" role="status">
          If an account has this email, a new reset link is on its way. It works once, for an hour.
        </p>
      </main>
    )
  }

  const payload = await getPayload({ config })
  if (!(await isResetTokenUsable(payload, 'customer-users', token))) {
    return (
      <main className="reset-page">
        <h1>Choose a new password</h1>
        <p className="reset-problem" role="alert">
          {problems.INVALID_TOKEN}
        </p>
        <AskForNewLink />
      </main>
    )
  }

  return (
    <main className="reset-page">
      <h1>Choose a new password</h1>
      {problem && problem in problems ? (
        <p className="reset-problem" role="alert">
          {problems[problem]}
        </p>
      ) : null}
      <form className="reset-form" action={resetPortalPassword}>
        <input type="hidden" name="token" value={token} />
        <label htmlFor="password">New password</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
        <label htmlFor="passwordAgain">The same password again</label>
        <input
          id="passwordAgain"
          name="passwordAgain"
          type="password"
          autoComplete="new-password"
          required
        />
        <button type="submit">Change my password</button>
      </form>
    </main>
  )
}
