import type { Metadata } from 'next'

import '../login/login.css'
import { requestPortalReset } from '../reset/actions'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Forgot your password · ProMonitor' }

/**
 * Asks for the account's email and sends a reset link through the outbox; the answer ("check
 * your mail") is the same whether or not the email has an account.
 */
export default function ForgotPasswordPage() {
  return (
    <main className="portal-page login-page">
      <h1>Forgot your password?</h1>
      <p className="lead">
        Give your account’s email: we mail you a link to choose a new password. It works once, for
        an hour.
      </p>
      <form action={requestPortalReset} className="panel login-form">
        <div className="field">
          <label htmlFor="forgot-email">Email</label>
          <input id="forgot-email" name="email" type="email" autoComplete="email" required />
        </div>
        <button type="submit" className="button">
          Send me a reset link
        </button>
      </form>
      <p>
        <a href="/portal/login">Back to sign in</a>
      </p>
    </main>
  )
}
