import type { Payload } from 'payload'

import type { Outbox } from '../../payload-types'
import { and, eq, lt, tableOf } from '../../src/database/database'
import { countOutboxDelivery } from '../metrics'

/** A claim older than this belongs to an instance that died mid-send: the mail goes again. */
const staleClaimMs = 10 * 60 * 1000

export type DeliveryReport = { sent: number; failed: number; retried: number }

/**
 * Sends what is due in the outbox. Each mail is claimed with one conditional UPDATE first, so
 * when several instances run this at once every mail is sent by exactly one of them.
 */
export const deliverOutbox = async (
  payload: Payload,
  {
    maxAttempts = 5,
    limit = 50,
    now = new Date(),
  }: { maxAttempts?: number; limit?: number; now?: Date } = {},
): Promise<DeliveryReport> => {
  const staleBefore = new Date(now.getTime() - staleClaimMs).toISOString()
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
    if (!(await claim(payload, mail, now, staleBefore))) continue
    const attempts = (mail.attempts ?? 0) + 1
    try {
      const info = (await payload.sendEmail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
      })) as { messageId?: string } | undefined
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

const claim = async (
  payload: Payload,
  mail: Outbox,
  now: Date,
  staleBefore: string,
): Promise<boolean> => {
  const table = tableOf(payload, 'outbox')
  const stillClaimable =
    mail.status === 'queued'
      ? eq(table.status, 'queued')
      : and(eq(table.status, 'sending'), lt(table.claimedAt, staleBefore))
  const claimed = await payload.db.drizzle
    .update(table)
    .set({ status: 'sending', claimedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(and(eq(table.id, mail.id), stillClaimable))
    .returning({ id: table.id })
  return claimed.length === 1
}
