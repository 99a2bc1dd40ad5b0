import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { currentCustomer, safeReturnPath } from '../session/currentCustomer'
import { LoginForm } from './LoginForm'
import './login.css'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Sign in · ProMonitor' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The portal's sign-in: a customer account's email and password, then the page asked for. */
export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams
  const next = safeReturnPath(query.next)
  if (await currentCustomer()) redirect(next)
  return (
    <main className="portal-page login-page">
      <h1>Sign in</h1>
      <p className="lead">Your company’s licenses, updates and downloads for ProMonitor.</p>
      {query.signedOut === '1' && (
        <p className="notice notice-ok" role="status">
          You are signed out.
        </p>
      )}
      <LoginForm next={next} />
      <p>New here? Your account is created from the register link in your trial or license mail.</p>
    </main>
  )
}
