import type { Payload, PayloadRequest, Where } from 'payload'

import { defaultTemplates } from '../../collections/EmailTemplates/defaultTemplates'
import type { EmailTemplateKey } from '../../collections/EmailTemplates/templateKeys'
import { drizzleFor, tableOf } from '../../src/database/database'
import { withAbsoluteLinks } from './absoluteLinks'
import { insertOutboxRowsPostgres, postgresPoolOf } from './insertOutboxRowsPostgres'
import { renderTemplate, type TemplateVariables } from './renderTemplate'
import { mailersSettingsOf } from './types'

export type MailToQueue = {
  to: string
  templateKey: EmailTemplateKey
  variables: TemplateVariables
  /** Same key, same mail: queued at most once, whoever queues it and however often. */
  idempotencyKey: string
  context?: Record<string, unknown>
}

type Template = { id?: number | string; subject: string; body: string }

/**
 * Rows per INSERT: five hundred mails in one statement (14 values each: under both databases'
 * parameter limits).
 */
const rowsPerInsert = 500

/** The template of a key staff edited (the oldest of the key), else the built-in wording. */
export const findTemplate = async (
  payload: Payload,
  templateKey: EmailTemplateKey,
  templateId?: number | string | null,
  req?: Partial<PayloadRequest>,
): Promise<Template> => {
  const where: Where = templateId
    ? { id: { equals: templateId }, key: { equals: templateKey } }
    : { key: { equals: templateKey } }
  const found = await payload.find({
    collection: 'email-templates',
    where,
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    req,
  })
  return found.docs[0] ?? { id: undefined, ...defaultTemplates[templateKey] }
}

const licenseOf = (context: Record<string, unknown> | undefined): number | string | null => {
  const license = context?.license
  return typeof license === 'number' || typeof license === 'string' ? license : null
}

/** The outbox row of a mail, rendered from its template. */
export const outboxRow = (payload: Payload, template: Template, mail: MailToQueue, now: string) => {
  const rendered = renderTemplate(
    template,
    withAbsoluteLinks(
      { recipientEmail: mail.to, ...mail.variables },
      mailersSettingsOf(payload).publicUrl,
    ),
  )
  return {
    to: mail.to.trim().toLowerCase(),
    templateKey: mail.templateKey,
    template: template.id ?? null,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    idempotencyKey: mail.idempotencyKey,
    context: mail.context ?? null,
    license: licenseOf(mail.context),
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Many mails into the outbox with a few multi-row inserts that skip every idempotency key already
 * there (so a re-run, or two instances at once, queue each mail once). Each template is read
 * once. Answers how many were new.
 */
export const queueMails = async (
  payload: Payload,
  mails: MailToQueue[],
  req?: Partial<PayloadRequest>,
): Promise<number> => {
  if (mails.length === 0) return 0
  const templates = new Map<EmailTemplateKey, Template>()
  for (const key of new Set(mails.map((mail) => mail.templateKey)))
    templates.set(key, await findTemplate(payload, key, null, req))
  const table = tableOf(payload, 'outbox')
  const database = await drizzleFor(payload, req)
  // Outside a transaction, PostgreSQL takes the rows as column arrays (see
  // insertOutboxRowsPostgres).
  const pool = req?.transactionID ? undefined : postgresPoolOf(payload)
  const now = new Date().toISOString()
  let queued = 0
  for (let start = 0; start < mails.length; start += rowsPerInsert) {
    const rows = mails
      .slice(start, start + rowsPerInsert)
      .map((mail) => outboxRow(payload, templates.get(mail.templateKey) as Template, mail, now))
    queued += pool
      ? await insertOutboxRowsPostgres(pool, rows)
      : (
          await database
            .insert(table)
            .values(rows)
            .onConflictDoNothing()
            .returning({ id: table.id })
        ).length
  }
  return queued
}
