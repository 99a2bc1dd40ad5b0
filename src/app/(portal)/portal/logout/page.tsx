import type { Metadata } from 'next'

import '../login/login.css'
import { currentCustomer } from '../session/currentCustomer'
import { signOut } from '../session/signOut'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Sign out · ProMonitor' }

/**
 * Signing out is a form post (the header's button or this page's): opening this address signs no
 * one out, so a link or an image elsewhere cannot.
 */
export default async function LogoutPage() {
  const session = await currentCustomer()
  if (!session)
    return (
      <main className="portal-page login-page">
        <h1>You are signed out</h1>
        <p>
          <a href="/portal/login">Sign in</a>
        </p>
      </main>
    )
  return (
    <main className="portal-page login-page">
      <h1>Sign out</h1>
      <p className="lead">You are signed in as {session.user.email}.</p>
      <form action={signOut} className="panel login-form">
        <button type="submit" className="button">
          Sign out
        </button>
      </form>
      <p>
        <a href="/portal">Back to your licenses</a>
      </p>
    </main>
  )
}
