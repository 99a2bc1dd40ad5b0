import type { Payload } from 'payload'

import { accountOf, companyOf, isClaimed, linkUsed } from './registrationState'
import { readRegistrationToken } from './registrationToken'

export type RegistrationOffer = {
  email: string
  company: { id: number | string; name: string }
  /** The email has an account: the owner proves it with its password. Else they choose one. */
  hasAccount: boolean
}

/**
 * What a register link offers, for the register page to ask the right question; throws a
 * `RegistrationError` when the link is invalid, expired or used. Reads only.
 */
export const describeRegistration = async (
  payload: Payload,
  token: string,
): Promise<RegistrationOffer> => {
  const grant = await readRegistrationToken(payload, token)
  const company = await companyOf(payload, grant)
  if (await isClaimed(payload, grant)) throw linkUsed()
  return { email: grant.email, company, hasAccount: Boolean(await accountOf(payload, grant.email)) }
}
