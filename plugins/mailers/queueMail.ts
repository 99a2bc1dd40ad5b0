import type { Payload, PayloadRequest, Where } from 'payload'

import { defaultTemplates } from '../../collections/EmailTemplates/defaultTemplates'

import type { EmailTemplateKey } from '../../collections/EmailTemplates/templateKeys'
import { drizzleFor, tableOf } from '../shared/database'
import { withAbsoluteLinks } from './absoluteLinks'
import { renderTemplate, type TemplateVariables } from './renderTemplate'
import { mailersSettingsOf } from './types'

export type QueueMailArgs = {
  to: string
  templateKey: EmailTemplateKey
  /** A specific template of that key (release mails let staff choose); else the oldest of the key. */
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
export const queueMail = async (payload: Payload, args: QueueMailArgs): Promise<QueueMailResult> => {
  const template = await findTemplate(payload, args)
  const rendered = renderTemplate(template, withAbsoluteLinks({ recipientEmail: args.to, ...args.variables }, mailersSettingsOf(payload).publicUrl))
  const now = new Date().toISOString()
  const table = tableOf(payload, 'outbox')
  const database = await drizzleFor(payload, args.req)

  const inserted = await database
    .insert(table)
    .values({
      to: args.to.trim().toLowerCase(),
      templateKey: args.templateKey,
      template: template.id ?? null,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      idempotencyKey: args.idempotencyKey,
      context: args.context ?? null,
      createdAt: now,
      updatedAt: now,
    })
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

const findTemplate = async (payload: Payload, args: QueueMailArgs) => {
  const where: Where = args.templateId
    ? { id: { equals: args.templateId }, key: { equals: args.templateKey } }
    : { key: { equals: args.templateKey } }
  const found = await payload.find({ collection: 'email-templates', where, sort: 'createdAt', limit: 1, depth: 0, req: args.req })
  return found.docs[0] ?? { id: undefined, ...defaultTemplates[args.templateKey] }
}
