import type { Payload } from 'payload'

import type { License } from '../../../payload-types'
import { queueMail } from '../../mailers'
import { registerLinkFor } from '../../registration'
import type { ProductInfo } from '../../catalogue'
import { licensingSettings } from '../settings'

export type LicenseMail = {
  to: string
  license: Pick<License, 'id' | 'key' | 'line' | 'type' | 'expiresAt'>
  product: ProductInfo
  /** The company the license is in: the register link lets the mailbox owner claim it. */
  customer: { id: number | string; name: string }
  resellerName?: string
  /** Same key, same mail: a retry queues nothing. */
  idempotencyKey: string
}

const day = (value: string | null | undefined): string =>
  value ? new Date(value).toISOString().slice(0, 10) : 'no end date'

/**
 * The mail with the key and the portal register link: `trial-created` for a trial,
 * `license-created` for anything a reseller made. The link carries a single-use token for this
 * mailbox and company, so it goes into this mail only.
 */
export const mailLicense = async (payload: Payload, mail: LicenseMail) => {
  const { publicUrl } = licensingSettings(payload)
  const common = {
    customerName: mail.customer.name,
    productName: mail.product.name,
    line: mail.license.line,
    licenseKey: mail.license.key ?? '',
    expiresAt: day(mail.license.expiresAt),
    registerUrl: await registerLinkFor(payload, publicUrl, {
      email: mail.to,
      customer: mail.customer.id,
      license: mail.license.id,
    }),
    portalUrl: `${publicUrl}/portal`,
  }
  const isTrial = mail.license.type === 'trial'
  return queueMail(payload, {
    to: mail.to,
    templateKey: isTrial ? 'trial-created' : 'license-created',
    variables: isTrial
      ? common
      : {
          ...common,
          licenseType: mail.license.type,
          resellerName: mail.resellerName ?? 'ProMonitor',
        },
    idempotencyKey: mail.idempotencyKey,
    context: { license: mail.license.id },
  })
}

/** A re-sent mail is sent at most once per ten minutes, however often the button is pressed. */
export const resendBucket = (now = new Date()): number => Math.floor(now.getTime() / (10 * 60_000))
