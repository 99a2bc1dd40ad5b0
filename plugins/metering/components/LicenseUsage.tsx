import type { UIFieldServerProps } from 'payload'

import { userHasRole } from '../../../collections/access/hasRole'
import { formatDay, formatTime } from '../../../src/lib/time'
import { usageSummary } from '../usageSummary'

const chartHeight = 80

/**
 * On an on-usage license's edit view: credits left, credits used per day over 30 days, the latest
 * records.
 */
export const LicenseUsage = async ({ id, payload, req, data }: UIFieldServerProps) => {
  if (id === undefined || data?.type !== 'on-usage' || !userHasRole(req.user, ['support']))
    return null
  const summary = await usageSummary(payload, id)
  const highest = Math.max(1, ...summary.perDay.map((day) => day.quantity))
  return (
    <div className="field-type license-usage">
      <h4>
        Usage: {summary.credits} credits left · {summary.usedInPeriod} used in the last 30 days
      </h4>
      <div
        role="img"
        aria-label="Credits used per day, last 30 days"
        style={{
          display: 'flex',
          alignItems: 'flex-end',
          gap: 2,
          height: chartHeight,
          margin: '8px 0',
        }}
      >
        {summary.perDay.map((day) => (
          <div
            key={day.day}
            title={`${formatDay(day.day)}: ${day.quantity}`}
            style={{
              flex: 1,
              height: Math.max(1, Math.round((day.quantity / highest) * chartHeight)),
              background:
                day.quantity > 0 ? 'var(--theme-success-500)' : 'var(--theme-elevation-100)',
            }}
          />
        ))}
      </div>
      <table style={{ width: '100%', fontSize: 13 }}>
        <thead>
          <tr>
            <th align="left">When</th>
            <th align="right">Quantity</th>
            <th align="right">Left after</th>
            <th align="left">Idempotency key</th>
          </tr>
        </thead>
        <tbody>
          {summary.latest.map((record) => (
            <tr key={record.id}>
              <td>{formatTime(record.occurredAt)}</td>
              <td align="right">{record.quantity}</td>
              <td align="right">{record.remainingAfter}</td>
              <td>{record.idempotencyKey}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
