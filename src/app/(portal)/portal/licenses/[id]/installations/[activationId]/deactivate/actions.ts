'use server'

import { notFound, redirect } from 'next/navigation'

import { deactivateForCustomer } from '../../../../../../../../../plugins/licensing'
import { currentCustomer } from '../../../../../session/currentCustomer'

const text = (form: FormData, name: string, max: number): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value.slice(0, max) : ''
}

/**
 * The confirmed deactivation (a server action: Next checks its Origin, and it is a plain form
 * post without JavaScript). Back to the license on success; back to the form with a code when
 * refused, so a refusal is a message and changes nothing.
 */
export async function deactivateInstallation(form: FormData): Promise<void> {
  const licenseId = text(form, 'licenseId', 20)
  const activationId = text(form, 'activationId', 20)
  const confirmPage = `/portal/licenses/${encodeURIComponent(licenseId)}/installations/${encodeURIComponent(activationId)}/deactivate`
  const session = await currentCustomer()
  if (!session) redirect(`/portal/login?next=${encodeURIComponent(confirmPage)}`)
  // One character over the limit is enough to say "too long" without keeping a huge field.
  const reason = text(form, 'reason', 501)
  const answer = await deactivateForCustomer(session.payload, {
    user: session.user,
    licenseId,
    activationId,
    reason,
  })
  switch (answer.code) {
    case 'DEACTIVATED':
      redirect(`/portal/licenses/${licenseId}?done=deactivated`)
    case 'NOT_ACTIVE':
      redirect(`/portal/licenses/${licenseId}?done=already-deactivated`)
    case 'REASON_REQUIRED':
      redirect(`${confirmPage}?error=reason`)
    case 'LIMIT_REACHED':
      redirect(`${confirmPage}?error=limit`)
    case 'NOT_FOUND':
      notFound()
  }
}
