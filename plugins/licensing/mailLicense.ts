import type { Payload } from 'payload'

import type { License } from '../../payload-types'
import { queueMail } from '../mailers'
import type { ProductInfo } from './productCatalogue'
import { licensingSettings } from './settings'

export type LicenseMail = {
  to: string
  license: Pick<License, 'id' | 'key' | 'line' | 'type' | 'expiresAt'>
  product: ProductInfo
  customerName: string
  resellerName?: string
  /** Same key, same mail: a retry queues nothing. */
  idempotencyKey: string
}

/** Where a subscriber sets the password of the account made for them. */
export const registerUrlFor = (publicUrl: string, email: string): string => `${publicUrl}/portal/register?email=${encodeURIComponent(email)}`

const day = (value: string | null | undefined): string => (value ? new Date(value).toISOString().slice(0, 10) : 'no end date')

/**
 * The mail with the key and the portal register link: `trial-created` for a trial,
 * `license-created` for anything a reseller made.
 */
export const mailLicense = async (payload: Payload, mail: LicenseMail) => {
  const { publicUrl } = licensingSettings(payload)
  const common = {
    customerName: mail.customerName,
    productName: mail.product.name,
    line: mail.license.line,
    licenseKey: mail.license.key ?? '',
    expiresAt: day(mail.license.expiresAt),
    registerUrl: registerUrlFor(publicUrl, mail.to),
    portalUrl: `${publicUrl}/portal`,
  }
  const isTrial = mail.license.type === 'trial'
  return queueMail(payload, {
    to: mail.to,
    templateKey: isTrial ? 'trial-created' : 'license-created',
    variables: isTrial ? common : { ...common, licenseType: mail.license.type, resellerName: mail.resellerName ?? 'ProMonitor' },
    idempotencyKey: mail.idempotencyKey,
    context: { license: mail.license.id },
  })
}

/** A re-sent mail is sent at most once per ten minutes, however often the button is pressed. */
export const resendBucket = (now = new Date()): number => Math.floor(now.getTime() / (10 * 60_000))
