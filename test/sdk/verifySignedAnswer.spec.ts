import { beforeAll, describe, expect, it } from 'vitest'
import { SignedKind } from '../../src/lib/protocol'
import { verifySignedAnswer } from '../../src/sdk/verifySignedAnswer'
import {
  createSigningKey,
  sign,
  trustOnly,
  withEditedPayload,
  type SigningKey,
} from './signingFixtures'

let key: SigningKey

beforeAll(async () => {
  key = await createSigningKey('k1')
})

describe('verifySignedAnswer', () => {
  it('returns the payload of an answer that echoes the nonce sent', async () => {
    const signed = await sign(key, SignedKind.validation, { code: 'VALID', nonce: 'abc' })
    await expect(
      verifySignedAnswer(signed, SignedKind.validation, { trust: trustOnly(key), nonce: 'abc' }),
    ).resolves.toEqual({
      code: 'VALID',
      nonce: 'abc',
    })
  })

  it('refuses a replayed answer carrying another nonce with NONCE_MISMATCH', async () => {
    const signed = await sign(key, SignedKind.validation, { code: 'VALID', nonce: 'old' })
    await expect(
      verifySignedAnswer(signed, SignedKind.validation, { trust: trustOnly(key), nonce: 'new' }),
    ).rejects.toMatchObject({ code: 'NONCE_MISMATCH' })
  })

  it('refuses an answer without a nonce when one was sent with NONCE_MISMATCH', async () => {
    const signed = await sign(key, SignedKind.usage, { remaining: 10 })
    await expect(
      verifySignedAnswer(signed, SignedKind.usage, { trust: trustOnly(key), nonce: 'n' }),
    ).rejects.toMatchObject({
      code: 'NONCE_MISMATCH',
    })
  })

  it('refuses an answer whose nonce was edited to match with BAD_SIGNATURE', async () => {
    const signed = await sign(key, SignedKind.validation, { code: 'VALID', nonce: 'old' })
    const edited = withEditedPayload(signed, (payload) => (payload.nonce = 'new'))
    await expect(
      verifySignedAnswer(edited, SignedKind.validation, { trust: trustOnly(key), nonce: 'new' }),
    ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
  })

  it('refuses an activation answer presented as a validation answer with WRONG_KIND', async () => {
    const signed = await sign(key, SignedKind.activation, { code: 'VALID', nonce: 'n' })
    await expect(
      verifySignedAnswer(signed, SignedKind.validation, { trust: trustOnly(key), nonce: 'n' }),
    ).rejects.toMatchObject({ code: 'WRONG_KIND' })
  })
})
