import type { Payload, PayloadRequest } from 'payload'

import type { Release } from '../../../payload-types'

export type ReleaseRecipient = NonNullable<Release['recipients']>[number]

/**
 * The global recipients of a release: every contact who receives release mails, of every customer
 * holding a usable license (active, not expired) for the product and line. Lower-cased, no
 * duplicates.
 */
export const findGlobalRecipients = async (
  payload: Payload,
  { productId, line, now = new Date() }: { productId: number; line: string; now?: Date },
  req?: Partial<PayloadRequest>,
): Promise<string[]> => {
  const licenses = await payload.find({
    collection: 'licenses',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { customer: true },
    where: {
      and: [
        { product: { equals: productId } },
        { line: { equals: line } },
        { status: { equals: 'active' } },
        {
          or: [
            { expiresAt: { exists: false } },
            { expiresAt: { greater_than: now.toISOString() } },
          ],
        },
      ],
    },
  })
  const customerIds = [
    ...new Set(
      licenses.docs.map((license) =>
        typeof license.customer === 'object' ? license.customer.id : license.customer,
      ),
    ),
  ]
  if (customerIds.length === 0) return []
  const customers = await payload.find({
    collection: 'customers',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { contacts: true },
    where: { id: { in: customerIds } },
  })
  const emails = customers.docs.flatMap((customer) =>
    (customer.contacts ?? [])
      .filter((contact) => (contact.receives ?? []).includes('releases'))
      .map((contact) => contact.email.trim().toLowerCase()),
  )
  return [...new Set(emails)].sort()
}

/**
 * The recipients list with the global part replaced by `globalEmails`: a global address that was
 * unticked stays unticked, extra addresses staff added stay, customers no longer licensed leave.
 */
export const mergeRecipients = (
  existing: ReleaseRecipient[] | null | undefined,
  globalEmails: string[],
): ReleaseRecipient[] => {
  const previous = new Map(
    (existing ?? []).map((recipient) => [recipient.email.trim().toLowerCase(), recipient]),
  )
  const globals = globalEmails.map((email) => ({
    email,
    include: previous.get(email)?.include !== false,
    source: 'global' as const,
  }))
  const extras = (existing ?? [])
    .filter(
      (recipient) =>
        recipient.source !== 'global' &&
        !globalEmails.includes(recipient.email.trim().toLowerCase()),
    )
    .map(({ email, include }) => ({ email, include: include !== false, source: 'extra' as const }))
  return [...globals, ...extras]
}
