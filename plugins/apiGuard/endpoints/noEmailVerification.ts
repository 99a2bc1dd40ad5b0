import type { Endpoint } from 'payload'

import { InputRefused } from '../refusal'

/**
 * Stands in for Payload's `POST /verify/:token` on an auth collection that does not verify email
 * addresses, where Payload's own answers 500 (it queries a field the collection does not have).
 */
export const noEmailVerification: Endpoint = {
  path: '/verify/:token',
  method: 'post',
  handler: () => {
    throw new InputRefused('NOT_FOUND', 'This collection does not verify email addresses', 404)
  },
}
