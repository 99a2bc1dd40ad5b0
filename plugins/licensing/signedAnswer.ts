import type { Payload } from 'payload'

import type { SignedKind } from '../../src/lib/protocol'
import { signJws } from '../signing'

/**
 * A decision answer: its fields plus `signed`, a JWS of the same fields with `iat` and the
 * request's `nonce` (when sent), so an app can tell it was neither forged nor replayed.
 */
export const signedAnswer = async <Fields extends Record<string, unknown>>(
  payload: Payload,
  kind: SignedKind,
  fields: Fields,
  nonce?: string,
): Promise<Fields & { signed: string }> => ({
  ...fields,
  signed: await signJws(payload, kind, nonce === undefined ? fields : { ...fields, nonce }),
})
