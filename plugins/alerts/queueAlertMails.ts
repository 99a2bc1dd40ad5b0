import type { Payload, PayloadRequest } from 'payload'

import type { EmailTemplateKey } from '../../collections/EmailTemplates/templateKeys'
import { queueMail, type TemplateVariables } from '../mailers'

export type AlertMail = {
  templateKey: EmailTemplateKey
  recipients: string[]
  variables: TemplateVariables
  /** One mail per recipient: `<idempotencyKey>:<email>`, so a re-run queues nothing twice. */
  idempotencyKey: string
  /**
   * At least `license` and `kind` (and `daysLeft` for a threshold), so support and tests find it.
   */
  context: { license: number | string; kind: string } & Record<string, unknown>
  req?: Partial<PayloadRequest>
}

/** Queues an alert to each recipient; answers how many were new in the outbox. */
export const queueAlertMails = async (payload: Payload, mail: AlertMail): Promise<number> => {
  let queued = 0
  for (const to of mail.recipients) {
    const outcome = await queueMail(payload, {
      to,
      templateKey: mail.templateKey,
      variables: mail.variables,
      idempotencyKey: `${mail.idempotencyKey}:${to}`,
      context: mail.context,
      req: mail.req,
    })
    if (outcome.queued) queued += 1
  }
  return queued
}
