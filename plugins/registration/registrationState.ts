import type { Payload } from 'payload'

import { customerCollectionSlug } from '../../collections/access/roles'
import { RegistrationError } from './registrationError'
import type { RegistrationGrant } from './registrationToken'

export const linkUsed = () =>
  new RegistrationError(
    'LINK_USED',
    'This link has already been used. Sign in with your account, or ask for a new link.',
  )

/** Whether the grant's token was already used (a claim row holds its id). */
export const isClaimed = async (payload: Payload, grant: RegistrationGrant): Promise<boolean> =>
  (
    await payload.count({
      collection: 'registration-claims',
      where: { tokenId: { equals: grant.tokenId } },
    })
  ).totalDocs > 0

/**
 * The company the grant is for; a link to a company that was deleted since is not valid any more.
 */
export const companyOf = async (
  payload: Payload,
  grant: RegistrationGrant,
): Promise<{ id: number | string; name: string }> => {
  const company = await payload.findByID({
    collection: 'customers',
    id: grant.customer,
    depth: 0,
    disableErrors: true,
    select: { name: true },
  })
  if (!company)
    throw new RegistrationError(
      'LINK_INVALID',
      'The company this link was for no longer exists. Ask for a new link.',
    )
  return { id: company.id, name: company.name }
}

export const accountOf = async (payload: Payload, email: string) =>
  (
    await payload.find({
      collection: customerCollectionSlug,
      where: { email: { equals: email } },
      depth: 0,
      limit: 1,
      pagination: false,
    })
  ).docs[0]
