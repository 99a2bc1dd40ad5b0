import type { Payload, PayloadRequest } from 'payload'

import type { Release } from '../../../payload-types'
import { queueMail } from '../../mailers'
import { productIdOf } from '../productIdOf'
import { directLinkOf } from '../directLink'
import { updatesSettingsOf } from '../settings'

export const releaseMailKey = (releaseId: number | string, email: string): string =>
  `release:${releaseId}:${email.trim().toLowerCase()}`

/**
 * Queues the release mail to every included recipient of a published release that asks for it.
 * Each mail has the idempotency key `release:<id>:<email>`, so saving the release again (or two
 * instances doing it at once) never sends anyone a second one; a recipient added later gets theirs.
 */
export const queueReleaseMails = async (
  payload: Payload,
  release: Release,
  req?: Partial<PayloadRequest>,
): Promise<{ queued: number; alreadyQueued: number }> => {
  const result = { queued: 0, alreadyQueued: 0 }
  if (release.status !== 'published' || release._status === 'draft' || !release.notifyByEmail)
    return result
  const productId = productIdOf(release.product)
  if (productId === undefined) return result
  const product = await payload.findByID({
    collection: 'products',
    id: productId,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!product) return result
  const { publicUrl } = updatesSettingsOf(payload)
  const templateId =
    release.emailTemplate && typeof release.emailTemplate === 'object'
      ? release.emailTemplate.id
      : release.emailTemplate
  const emails = new Set(
    (release.recipients ?? [])
      .filter((recipient) => recipient.include !== false)
      .map((recipient) => recipient.email.trim().toLowerCase()),
  )
  for (const email of emails) {
    const { queued } = await queueMail(payload, {
      to: email,
      templateKey: 'release-published',
      templateId: templateId ?? null,
      variables: {
        productName: product.name,
        line: release.line.toUpperCase(),
        version: release.version,
        channel: release.channel,
        summary: release.summary ?? '',
        // The release's direct link: it opens without signing in, for anyone the mail is forwarded to.
        notesUrl: directLinkOf(publicUrl, {
          product: product.slug,
          line: release.line,
          version: release.version,
        }),
        portalUrl: `${publicUrl}/portal`,
        critical: Boolean(release.critical),
      },
      idempotencyKey: releaseMailKey(release.id, email),
      context: { release: release.id, version: release.version },
      req,
    })
    if (queued) result.queued += 1
    else result.alreadyQueued += 1
  }
  return result
}
