import type { Payload } from 'payload'

import type { Outbox } from '../../payload-types'
import { and, eq, lt, tableOf } from '../../src/database/database'
import { countOutboxDelivery } from '../metrics'
import { heartbeatIntervalOf, withHeartbeat } from '../scheduler'
import { mailersSettingsOf } from './types'

export type DeliveryReport = { sent: number; failed: number; retried: number }

/**
 * Sends what is due in the outbox. Each mail is claimed with one conditional UPDATE first, so
 * when several instances run this at once every mail is sent by exactly one of them. The claim
 * (`claimedAt`) is a lease: renewed while the mail is being sent, so a slow SMTP server does not
 * lose it; a mail whose claim is older than `leaseMs` belongs to an instance that died mid-send
 * and goes back to the queue (it is sent again: the dead instance may or may not have sent it).
 */
export const deliverOutbox = async (
  payload: Payload,
  {
    maxAttempts = 5,
    limit = 50,
    now = new Date(),
    leaseMs = mailersSettingsOf(payload).leaseMs,
  }: { maxAttempts?: number; limit?: number; now?: Date; leaseMs?: number } = {},
): Promise<DeliveryReport> => {
  const staleBefore = new Date(now.getTime() - leaseMs).toISOString()
  const due = await payload.find({
    collection: 'outbox',
    depth: 0,
    limit,
    sort: 'createdAt',
    where: {
      or: [
        {
          and: [
            { status: { equals: 'queued' } },
            { nextAttemptAt: { less_than_equal: now.toISOString() } },
          ],
        },
        { and: [{ status: { equals: 'sending' } }, { claimedAt: { less_than: staleBefore } }] },
      ],
    },
  })

  const report: DeliveryReport = { sent: 0, failed: 0, retried: 0 }
  for (const mail of due.docs) {
    let claimedAt = await claim(payload, mail, now, staleBefore)
    if (!claimedAt) continue
    const attempts = (mail.attempts ?? 0) + 1
    try {
      const info = (await withHeartbeat(
        () =>
          payload.sendEmail({
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html ?? undefined,
          }),
        {
          everyMs: heartbeatIntervalOf(leaseMs),
          renew: async () => {
            const renewedAt = await renewClaim(payload, mail.id, claimedAt!)
            if (renewedAt) claimedAt = renewedAt
            return Boolean(renewedAt)
          },
          onError: (error) =>
            payload.logger.warn({
              err: error,
              msg: `Outbox mail ${mail.id}: renewing its claim failed`,
            }),
        },
      )) as { messageId?: string } | undefined
      await payload.update({
        collection: 'outbox',
        id: mail.id,
        data: {
          status: 'sent',
          attempts,
          sentAt: new Date().toISOString(),
          messageId: info?.messageId ?? null,
          lastError: null,
        },
        depth: 0,
      })
      report.sent += 1
      countOutboxDelivery('sent')
    } catch (error) {
      const giveUp = attempts >= maxAttempts
      const backoffMs = 60_000 * 2 ** (attempts - 1)
      await payload.update({
        collection: 'outbox',
        id: mail.id,
        data: {
          status: giveUp ? 'failed' : 'queued',
          attempts,
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: new Date(now.getTime() + backoffMs).toISOString(),
        },
        depth: 0,
      })
      if (giveUp) report.failed += 1
      else report.retried += 1
      countOutboxDelivery(giveUp ? 'failed' : 'retried')
    }
  }
  return report
}

/** Claims the mail; answers the claim's time (this instance's hold on it), or undefined. */
const claim = async (
  payload: Payload,
  mail: Outbox,
  now: Date,
  staleBefore: string,
): Promise<string | undefined> => {
  const table = tableOf(payload, 'outbox')
  const stillClaimable =
    mail.status === 'queued'
      ? eq(table.status, 'queued')
      : and(eq(table.status, 'sending'), lt(table.claimedAt, staleBefore))
  // The claim's time is when it is made, not when this delivery began: a mail far down a long
  // list would otherwise be claimed already stale, and another instance would send it too.
  const claimedAt = new Date(Math.max(now.getTime(), Date.now())).toISOString()
  const claimed = await payload.db.drizzle
    .update(table)
    .set({ status: 'sending', claimedAt, updatedAt: claimedAt })
    .where(and(eq(table.id, mail.id), stillClaimable))
    .returning({ id: table.id })
  return claimed.length === 1 ? claimedAt : undefined
}

/** The heartbeat: moves this instance's claim on a mail being sent to now, if it still holds it. */
const renewClaim = async (
  payload: Payload,
  id: Outbox['id'],
  heldSince: string,
): Promise<string | undefined> => {
  const table = tableOf(payload, 'outbox')
  const renewedAt = new Date().toISOString()
  const renewed = await payload.db.drizzle
    .update(table)
    .set({ claimedAt: renewedAt, updatedAt: renewedAt })
    .where(and(eq(table.id, id), eq(table.status, 'sending'), eq(table.claimedAt, heldSince)))
    .returning({ id: table.id })
  return renewed.length === 1 ? renewedAt : undefined
}
