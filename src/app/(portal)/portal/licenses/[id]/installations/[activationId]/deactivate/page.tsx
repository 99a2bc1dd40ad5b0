import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import {
  customerDeactivationLimit,
  reasonLength,
  shortFingerprint,
} from '../../../../../../../../../plugins/licensing'
import { formatTime } from '../../../../../../../../lib/time'
import { requireCustomer } from '../../../../../session/currentCustomer'
import { DeactivationLimitNotice } from '../../../DeactivationLimitNotice'
import { readLicensePage } from '../../../readLicensePage'
import styles from '../../../licensePage.module.css'
import { deactivateInstallation } from './actions'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Deactivate an installation · ProMonitor',
  robots: { index: false, follow: false },
}

type Props = {
  params: Promise<{ id: string; activationId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const errors: Record<string, string> = {
  reason: `Say why you deactivate it, in ${reasonLength.min} to ${reasonLength.max} characters.`,
}

/**
 * The confirmation step of a deactivation: which installation, what it means, and the reason
 * (kept in the license's history). Works as a plain form without JavaScript.
 */
export default async function DeactivatePage({ params, searchParams }: Props) {
  const { id, activationId } = await params
  const query = await searchParams
  const session = await requireCustomer(
    `/portal/licenses/${encodeURIComponent(id)}/installations/${encodeURIComponent(activationId)}/deactivate`,
  )
  const data = await readLicensePage(session, id)
  const installation = data?.installations.find((each) => String(each.id) === activationId)
  if (!data || !installation) notFound()
  const name = installation.hostname || shortFingerprint(installation.fingerprint)
  const limitReached =
    query.error === 'limit' || data.deactivationsUsed >= customerDeactivationLimit.count
  const error = typeof query.error === 'string' ? errors[query.error] : undefined
  return (
    <main className={`portal-page ${styles.confirm}`}>
      <p>
        <a href={`/portal/licenses/${data.license.id}`}>← Back to the license</a>
      </p>
      <h1>Deactivate {name}?</h1>
      <dl className={styles.terms}>
        <div>
          <dt>Fingerprint</dt>
          <dd>
            <code title={installation.fingerprint}>
              {shortFingerprint(installation.fingerprint)}
            </code>
          </dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{installation.role}</dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>{installation.lastSeenAt ? formatTime(installation.lastSeenAt) : '—'}</dd>
        </div>
      </dl>
      {limitReached ? (
        <DeactivationLimitNotice />
      ) : (
        <form action={deactivateInstallation} className="panel">
          <p>
            The app on {name} stops being licensed and its seat is free for another machine. You can
            deactivate {customerDeactivationLimit.count} installations of this license per{' '}
            {customerDeactivationLimit.days} days ({data.deactivationsUsed} used).
          </p>
          {error ? (
            <p id="deactivate-error" className="notice notice-danger" role="alert">
              {error}
            </p>
          ) : null}
          <input type="hidden" name="licenseId" value={data.license.id} />
          <input type="hidden" name="activationId" value={installation.id} />
          <div className="field">
            <label htmlFor="deactivate-reason">Reason</label>
            <textarea
              id="deactivate-reason"
              name="reason"
              required
              minLength={reasonLength.min}
              maxLength={reasonLength.max}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'deactivate-error deactivate-hint' : 'deactivate-hint'}
            />
            <p id="deactivate-hint" className={styles.hint}>
              For example “machine replaced”. It is kept in the license’s history.
            </p>
          </div>
          <div className={styles.rowActions}>
            <button type="submit" className="button button-danger">
              Deactivate {name}
            </button>
            <a className="button button-quiet" href={`/portal/licenses/${data.license.id}`}>
              Cancel
            </a>
          </div>
        </form>
      )}
    </main>
  )
}
