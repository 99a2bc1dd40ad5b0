import type { Payload } from 'payload'

import { SignedKind } from '../../src/lib/protocol'
import { signJws } from '../signing'

/**
 * A usage answer: its fields plus `signed`, a JWS (`usage+jws`) of the same fields with `iat`
 * and the app's `nonce` when sent, so an app can tell it was neither forged nor replayed.
 */
export const signedUsageAnswer = async <Fields extends Record<string, unknown>>(
  payload: Payload,
  fields: Fields,
  nonce?: string,
): Promise<Fields & { signed: string }> => ({
  ...fields,
  signed: await signJws(
    payload,
    SignedKind.usage,
    nonce === undefined ? fields : { ...fields, nonce },
  ),
})
