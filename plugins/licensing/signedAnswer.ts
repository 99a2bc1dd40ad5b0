import type { Payload } from 'payload'

import type { SignedKind } from '../../src/lib/protocol'
import { signJwsOfJson } from '../signing'
import { jsonTextAnswer, type WholeAnswer } from '../../src/http/answers'

/**
 * A decision answer, ready to send: its fields plus `signed`, a JWS of the same fields with `iat`
 * and the request's `nonce` (when sent), so an app can tell it was neither forged nor replayed.
 * The fields are serialised once, for the signed claims and the body alike
 * (`JSON.stringify({ ...fields, nonce, iat })` and `{ ...fields, signed }` hold the same text up
 * to their last field), so `fields` must hold no `nonce`, `iat` or `signed`.
 */
export const signedJsonAnswer = async (
  payload: Payload,
  kind: SignedKind,
  fields: Record<string, unknown>,
  nonce?: string,
): Promise<WholeAnswer> => {
  const fieldsJson = JSON.stringify(fields)
  const opening = fieldsJson.length > 2 ? `${fieldsJson.slice(0, -1)},` : '{'
  const nonceJson = nonce === undefined ? '' : `"nonce":${JSON.stringify(nonce)},`
  const iat = Math.floor(Date.now() / 1000)
  const signed = await signJwsOfJson(payload, kind, `${opening}${nonceJson}"iat":${iat}}`)
  return jsonTextAnswer(`${opening}"signed":"${signed}"}`)
}
