'use client'

import { useActionState } from 'react'

import { signInToPortal } from './actions'
import type { LoginState } from './loginState'

/** Email and password; a plain form post without JavaScript, the same page with its message. */
export function LoginForm({ next }: { next: string }) {
  const [state, submit, pending] = useActionState<LoginState, FormData>(signInToPortal, {})
  const problem = state.error
    ? { 'aria-invalid': true, 'aria-describedby': 'login-error' }
    : undefined
  return (
    <form action={submit} className="panel login-form">
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p id="login-error" className="notice notice-danger" role="alert">
          {state.error}
        </p>
      )}
      <div className="field">
        <label htmlFor="login-email">Email</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          {...problem}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...problem}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        Sign in
      </button>
      <p className="login-forgot">
        <a href="/portal/forgot">Forgot your password?</a>
      </p>
    </form>
  )
}
