'use client'

import { useActionState } from 'react'

import { claimRegisterLink } from './actions'
import type { RegisterState } from './registerState'

type Props = { token: string; email: string; hasAccount: boolean }

/**
 * The password form of the register page: choose a password (twice) for a new account, or give
 * the existing account's password. Works as a plain form post without JavaScript.
 */
export function RegisterForm({ token, email, hasAccount: hadAccount }: Props) {
  const [state, submit, pending] = useActionState<RegisterState, FormData>(claimRegisterLink, {})
  const hasAccount = state.hasAccount ?? hadAccount
  const error = state.error
  const describedBy = (name: 'password' | 'passwordConfirmation', hint?: string) =>
    [hint, error && (error.field === name || !error.field) ? 'register-error' : undefined]
      .filter(Boolean)
      .join(' ') || undefined

  if (state.linkRefused) {
    return (
      <p id="register-error" className="register-error" role="alert">
        {error?.message}
      </p>
    )
  }
  return (
    <form action={submit} className="register-form">
      <input type="hidden" name="token" value={token} />
      {error && (
        <p id="register-error" className="register-error" role="alert">
          {error.message}
        </p>
      )}
      <label htmlFor="register-email">Email</label>
      <input
        id="register-email"
        name="email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
      />
      <label htmlFor="register-password">
        {hasAccount ? 'Your account’s password' : 'Choose a password'}
      </label>
      <input
        id="register-password"
        name="password"
        type="password"
        required
        autoComplete={hasAccount ? 'current-password' : 'new-password'}
        aria-invalid={error?.field === 'password' || undefined}
        aria-describedby={describedBy(
          'password',
          hasAccount ? 'register-password-hint' : undefined,
        )}
      />
      {hasAccount && (
        <p id="register-password-hint" className="register-hint">
          This email already has a portal account: its password proves it is yours.
        </p>
      )}
      {!hasAccount && (
        <>
          <label htmlFor="register-password-confirmation">The same password again</label>
          <input
            id="register-password-confirmation"
            name="passwordConfirmation"
            type="password"
            required
            autoComplete="new-password"
            aria-invalid={error?.field === 'passwordConfirmation' || undefined}
            aria-describedby={describedBy('passwordConfirmation')}
          />
        </>
      )}
      <button type="submit" className="register-submit" disabled={pending}>
        {hasAccount ? 'Add to my account and sign in' : 'Create my account'}
      </button>
    </form>
  )
}
