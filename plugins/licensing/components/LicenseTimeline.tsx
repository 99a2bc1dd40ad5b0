import type { UIFieldServerProps } from 'payload'

import { userHasRole } from '../../../collections/access/hasRole'
import type { LicenseEvent } from '../../../payload-types'
import { formatDay, formatTime } from '../../../src/lib/time'

const describe = (event: LicenseEvent): string => {
  const details = (event.details ?? {}) as Record<string, unknown>
  switch (event.type) {
    case 'extended':
      return `+${details.days ?? '?'} days${details.to ? `, until ${formatDay(String(details.to))}` : ''}`
    case 'modules-added':
      return `added ${((details.added as string[] | undefined) ?? []).join(', ')}`
    case 'pack-added':
      return `+${details.clients ?? 0} clients, +${details.users ?? 0} users, +${details.credits ?? 0} credits`
    case 'converted':
      return `${details.from} → ${details.to}`
    case 'activated':
    case 'deactivated':
    case 'limit-reached':
      return String(details.hostname ?? details.fingerprint ?? '')
    case 'updated':
      return Object.keys((details.changes as Record<string, unknown>) ?? {}).join(', ')
    default:
      return ''
  }
}

/**
 * The license's history and the mails sent about it, newest first, on its edit view (support and
 * admins; others see none).
 */
export const LicenseTimeline = async ({ id, payload, req }: UIFieldServerProps) => {
  if (id === undefined || !userHasRole(req.user, ['support'])) return null
  const [{ docs, totalDocs }, mails] = await Promise.all([
    payload.find({
      collection: 'license-events',
      where: { license: { equals: id } },
      sort: '-createdAt',
      limit: 100,
      depth: 0,
    }),
    payload.find({
      collection: 'outbox',
      where: { license: { equals: id } },
      sort: '-createdAt',
      limit: 100,
      depth: 0,
      select: { createdAt: true, templateKey: true, to: true, status: true, subject: true },
    }),
  ])
  return (
    <div className="field-type license-timeline">
      <h4>History ({totalDocs})</h4>
      <ol style={{ listStyle: 'none', padding: 0 }}>
        {docs.map((event) => (
          <li
            key={event.id}
            style={{ padding: '4px 0', borderBottom: '1px solid var(--theme-elevation-100)' }}
          >
            <time dateTime={event.createdAt}>{formatTime(event.createdAt)}</time> ·{' '}
            <strong>{event.type}</strong>
            {describe(event) && <> · {describe(event)}</>}
            <span style={{ color: 'var(--theme-elevation-500)' }}>
              {' '}
              · {event.actor?.kind}
              {event.actor?.label ? `: ${event.actor.label}` : ''}
            </span>
          </li>
        ))}
      </ol>
      <h4>Mails ({mails.totalDocs})</h4>
      <ol style={{ listStyle: 'none', padding: 0 }}>
        {mails.docs.map((mail) => (
          <li
            key={mail.id}
            style={{ padding: '4px 0', borderBottom: '1px solid var(--theme-elevation-100)' }}
          >
            <time dateTime={mail.createdAt}>{formatTime(mail.createdAt)}</time> ·{' '}
            <strong>{mail.templateKey}</strong> · {mail.to} · {mail.status}
            <span style={{ color: 'var(--theme-elevation-500)' }}> · {mail.subject}</span>
          </li>
        ))}
      </ol>
    </div>
  )
}
