import type { Payload, PayloadRequest } from 'payload'

import type { EmailTemplateKey } from '../../collections/EmailTemplates/templateKeys'
import { drizzleFor, tableOf } from '../../src/database/database'
import { findTemplate, outboxRow } from './queueMails'
import type { TemplateVariables } from './renderTemplate'

export type QueueMailArgs = {
  to: string
  templateKey: EmailTemplateKey
  /**
   * A specific template of that key (release mails let staff choose); else the oldest of the key.
   */
  templateId?: number | string | null
  variables: TemplateVariables
  /** Same key, same mail: a second call with it queues nothing. */
  idempotencyKey: string
  context?: Record<string, unknown>
  /** Joins the caller's transaction when given. */
  req?: Partial<PayloadRequest>
}

export type QueueMailResult = { queued: boolean; outboxId: number | string }

/**
 * Renders an email template and puts the mail in the outbox, at most once per idempotency key
 * (an atomic insert that does nothing on conflict, so two instances racing queue one mail).
 */
export const queueMail = async (
  payload: Payload,
  args: QueueMailArgs,
): Promise<QueueMailResult> => {
  const template = await findTemplate(payload, args.templateKey, args.templateId, args.req)
  const table = tableOf(payload, 'outbox')
  const database = await drizzleFor(payload, args.req)
  const inserted = await database
    .insert(table)
    .values(outboxRow(payload, template, args, new Date().toISOString()))
    .onConflictDoNothing()
    .returning({ id: table.id })

  if (inserted.length > 0) return { queued: true, outboxId: inserted[0].id }
  const existing = await payload.find({
    collection: 'outbox',
    where: { idempotencyKey: { equals: args.idempotencyKey } },
    limit: 1,
    depth: 0,
    req: args.req,
  })
  return { queued: false, outboxId: existing.docs[0].id }
}
