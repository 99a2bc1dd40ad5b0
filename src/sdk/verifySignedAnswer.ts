import type { SignedKind } from '../lib/protocol'
import { VerificationError } from './errors'
import type { TrustStore } from './trustStore'

export type VerifySignedAnswerOptions = {
  trust: TrustStore
  /**
   * The nonce the app sent; the answer must echo it, so an old or someone else's answer is refused.
   */
  nonce?: string
}

/**
 * The payload of a signed server answer (validation, activation, usage) once signature, kind and
 * nonce check out.
 */
export async function verifySignedAnswer(
  signed: string,
  kind: SignedKind,
  { trust, nonce }: VerifySignedAnswerOptions,
): Promise<Record<string, unknown>> {
  const { payload } = await trust.verify(signed, kind)
  if (nonce !== undefined && payload.nonce !== nonce) {
    throw new VerificationError(
      'NONCE_MISMATCH',
      'The answer does not echo the nonce that was sent',
    )
  }
  return payload
}
