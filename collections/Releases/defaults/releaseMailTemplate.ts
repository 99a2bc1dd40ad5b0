import type { PayloadRequest } from 'payload'

/**
 * A new release mails with the release template (the oldest `release-published` one, the one the
 * mailer picks when none is chosen), so "Notify by email" needs no second choice.
 */
export const releaseMailTemplate = async ({
  req,
}: {
  req: PayloadRequest
}): Promise<number | null> => {
  const found = await req.payload.find({
    collection: 'email-templates',
    where: { key: { equals: 'release-published' } },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {},
    req,
  })
  return found.docs[0]?.id ?? null
}
