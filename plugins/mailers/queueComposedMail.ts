import type { Payload } from 'payload'

import { drizzleFor, tableOf } from '../../src/database/database'

export type ComposedMail = {
  to: string
  subject: string
  text: string
  html?: string
  /** Same key, same mail: a second call with it queues nothing. */
  idempotencyKey: string
  context?: Record<string, unknown>
}

/**
 * Puts a mail composed by code (not from an editable template: a password reset) in the outbox,
 * at most once per idempotency key, to be delivered, retried and recorded like every other mail.
 */
export const queueComposedMail = async (payload: Payload, mail: ComposedMail): Promise<boolean> => {
  const table = tableOf(payload, 'outbox')
  const database = await drizzleFor(payload)
  const now = new Date().toISOString()
  const inserted = await database
    .insert(table)
    .values({
      to: mail.to.trim().toLowerCase(),
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      idempotencyKey: mail.idempotencyKey,
      context: mail.context ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: table.id })
  return inserted.length > 0
}
