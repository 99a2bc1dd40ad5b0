import type { PayloadRequest } from 'payload'

import type { Reseller } from '../../payload-types'
import { ClientError } from '../clientApi'

/**
 * The reseller the request authenticated as (`Authorization: resellers API-Key <key>`): 401
 * without, 403 when deactivated.
 */
export const requireReseller = (req: PayloadRequest): Reseller => {
  if (req.user?.collection !== 'resellers') {
    throw new ClientError(
      401,
      'UNAUTHORIZED',
      'Send a reseller API key: Authorization: resellers API-Key <key>',
    )
  }
  const reseller = req.user as unknown as Reseller
  if (reseller.active === false)
    throw new ClientError(403, 'FORBIDDEN', 'This reseller account is deactivated')
  return reseller
}
