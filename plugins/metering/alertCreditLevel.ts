import type { Payload, PayloadRequest } from 'payload'

import { alertSettings, licenseMailFacts, queueAlertMails } from '../alerts'
import { recordLicenseEvent, systemActor, type LicenseRecord } from '../licensing'
import { meteringSettingsOf } from './types'

export type CreditAlert = {
  kind: 'credit-low' | 'credit-exhausted'
  license: LicenseRecord
  credits: number
  threshold?: number
  /**
   * When the alert was claimed: part of each mail's idempotency key (one set of mails per claim).
   */
  at: string
  req: PayloadRequest
}

/**
 * A credit level was crossed (claimed once per top-up by the caller): the license's history
 * records it, the company's license contacts get one mail and the staff credit recipients one
 * alert, all in the caller's transaction.
 */
export const alertCreditLevel = async (
  payload: Payload,
  { kind, license, credits, threshold, at, req }: CreditAlert,
): Promise<void> => {
  const { publicUrl } = meteringSettingsOf(payload)
  const facts = await licenseMailFacts(payload, license, req)
  await recordLicenseEvent(
    payload,
    {
      license: license.id,
      type: kind,
      actor: systemActor,
      details: { credits, ...(threshold === undefined ? {} : { threshold }) },
    },
    req,
  )
  const context = {
    license: license.id,
    kind,
    credits,
    ...(threshold === undefined ? {} : { threshold }),
  }
  const common = {
    customerName: facts.customerName,
    productName: facts.productName,
    licenseKey: license.key ?? '',
    ...(kind === 'credit-low' ? { credits, threshold } : {}),
  }
  await queueAlertMails(payload, {
    templateKey: kind,
    recipients: facts.contacts,
    variables: { ...common, line: license.line, portalUrl: `${publicUrl}/portal` },
    idempotencyKey: `${kind}:${license.id}:${at}`,
    context,
    req,
  })
  await queueAlertMails(payload, {
    templateKey: `staff-${kind}`,
    recipients: (await alertSettings(payload, req)).recipients.credit,
    variables: { ...common, adminUrl: `${publicUrl}/admin/collections/licenses/${license.id}` },
    idempotencyKey: `staff-${kind}:${license.id}:${at}`,
    context,
    req,
  })
}
