'use client'

import { useActionState } from 'react'

import { signInToPortal } from './actions'
import type { LoginState } from './loginState'

/** Email and password; a plain form post without JavaScript, the same page with its message. */
export function LoginForm({ next }: { next: string }) {
  const [state, submit, pending] = useActionState<LoginState, FormData>(signInToPortal, {})
  return (
    <form
      action={submit}
      className="panel login-form"
      aria-describedby={state.error ? 'login-error' : undefined}
    >
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
          aria-invalid={state.error ? true : undefined}
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
          aria-invalid={state.error ? true : undefined}
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
