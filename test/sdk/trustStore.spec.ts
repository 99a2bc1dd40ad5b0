import { beforeAll, describe, expect, it } from 'vitest'
import { SignedKind } from '../../src/lib/protocol'
import { VerificationError } from '../../src/sdk/errors'
import { TrustStore } from '../../src/sdk/trustStore'
import {
  createSigningKey,
  sign,
  signKeyStatement,
  trustOnly,
  unsignedJws,
  withChangedSignatureCharacter,
  withEditedPayload,
  type SigningKey,
} from './signingFixtures'

let firstKey: SigningKey
let secondKey: SigningKey
let thirdKey: SigningKey
let strangerKey: SigningKey

beforeAll(async () => {
  firstKey = await createSigningKey('k1')
  secondKey = await createSigningKey('k2')
  thirdKey = await createSigningKey('k3')
  strangerKey = await createSigningKey('stranger')
})

async function expectRefusal(
  promise: Promise<unknown>,
  code: VerificationError['code'],
): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(VerificationError)
  await expect(promise).rejects.toMatchObject({ code })
}

describe('TrustStore.verify', () => {
  it('returns payload and header of an object signed by a pinned key', async () => {
    const jws = await sign(firstKey, SignedKind.validation, { code: 'VALID', nonce: 'n1' })
    const { payload, header } = await trustOnly(firstKey).verify(jws, SignedKind.validation)
    expect(payload).toEqual({ code: 'VALID', nonce: 'n1' })
    expect(header).toMatchObject({ alg: 'EdDSA', kid: 'k1', typ: 'validation+jws' })
  })

  it('refuses an object whose payload was edited after signing with BAD_SIGNATURE', async () => {
    const jws = await sign(firstKey, SignedKind.validation, { code: 'SUSPENDED' })
    const edited = withEditedPayload(jws, (payload) => (payload.code = 'VALID'))
    await expectRefusal(trustOnly(firstKey).verify(edited, SignedKind.validation), 'BAD_SIGNATURE')
  })

  it('refuses an object with one changed signature character with BAD_SIGNATURE', async () => {
    const jws = await sign(firstKey, SignedKind.validation, { code: 'VALID' })
    await expectRefusal(
      trustOnly(firstKey).verify(withChangedSignatureCharacter(jws), SignedKind.validation),
      'BAD_SIGNATURE',
    )
  })

  it('refuses an object that names a trusted kid but was signed by another key with BAD_SIGNATURE', async () => {
    const forged = await sign(strangerKey, SignedKind.validation, { code: 'VALID' }, { kid: 'k1' })
    await expectRefusal(trustOnly(firstKey).verify(forged, SignedKind.validation), 'BAD_SIGNATURE')
  })

  it('refuses an unsigned object (alg none) with BAD_SIGNATURE', async () => {
    const unsigned = unsignedJws(
      { alg: 'none', kid: 'k1', typ: 'validation+jws' },
      { code: 'VALID' },
    )
    await expectRefusal(
      trustOnly(firstKey).verify(unsigned, SignedKind.validation),
      'BAD_SIGNATURE',
    )
  })

  it('refuses an object signed by a key it does not trust with UNKNOWN_KEY', async () => {
    const jws = await sign(strangerKey, SignedKind.validation, { code: 'VALID' })
    await expectRefusal(trustOnly(firstKey).verify(jws, SignedKind.validation), 'UNKNOWN_KEY')
  })

  it('refuses an object without a kid with UNKNOWN_KEY', async () => {
    const jws = await sign(firstKey, SignedKind.validation, { code: 'VALID' }, { kid: undefined })
    await expectRefusal(trustOnly(firstKey).verify(jws, SignedKind.validation), 'UNKNOWN_KEY')
  })

  it('refuses an object of another kind with WRONG_KIND', async () => {
    const activation = await sign(firstKey, SignedKind.activation, { code: 'VALID' })
    await expectRefusal(trustOnly(firstKey).verify(activation, SignedKind.validation), 'WRONG_KIND')
  })

  it('refuses text that is not a compact JWS with MALFORMED', async () => {
    const trust = trustOnly(firstKey)
    for (const garbage of ['', 'hello', 'a.b', '!!.??.**', 'eyJhbGciOiJFZERTQSJ9.e30.AA.BB']) {
      await expectRefusal(trust.verify(garbage, SignedKind.validation), 'MALFORMED')
    }
  })

  it('refuses a signed payload that is not a JSON object with MALFORMED', async () => {
    const list = await sign(firstKey, SignedKind.validation, ['VALID'])
    await expectRefusal(trustOnly(firstKey).verify(list, SignedKind.validation), 'MALFORMED')
  })

  it('refuses to pin a key that is not an Ed25519 public key', () => {
    expect(() => new TrustStore([{ kty: 'RSA', n: 'x', e: 'AQAB', kid: 'rsa' }])).toThrow(
      VerificationError,
    )
    expect(() => new TrustStore([{ kty: 'OKP', crv: 'Ed25519', x: 'abc' }])).toThrow(
      VerificationError,
    )
  })

  it('keeps only the public part of a pinned key', () => {
    const trust = new TrustStore([{ ...firstKey.publicJwk, d: 'private-part' }])
    expect(trust.trustedKeys()[0]).not.toHaveProperty('d')
  })
})

describe('TrustStore key rotation', () => {
  it('accepts a new key announced by a trusted key and then verifies what it signs', async () => {
    const trust = trustOnly(firstKey)
    const accepted = await trust.acceptKeyStatements([await signKeyStatement(firstKey, secondKey)])
    expect(accepted).toEqual(['k2'])
    expect(trust.trustedKids()).toEqual(['k1', 'k2'])
    const jws = await sign(secondKey, SignedKind.validation, { code: 'VALID' })
    await expect(trust.verify(jws, SignedKind.validation)).resolves.toMatchObject({
      payload: { code: 'VALID' },
    })
  })

  it('follows a chain K1 → K2 → K3 given in any order', async () => {
    const trust = trustOnly(firstKey)
    const statements = [
      await signKeyStatement(secondKey, thirdKey),
      await signKeyStatement(firstKey, secondKey),
    ]
    expect((await trust.acceptKeyStatements(statements)).sort()).toEqual(['k2', 'k3'])
    expect(trust.trustedKids().sort()).toEqual(['k1', 'k2', 'k3'])
  })

  it('ignores a statement signed by a key it does not trust', async () => {
    const trust = trustOnly(firstKey)
    const accepted = await trust.acceptKeyStatements([
      await signKeyStatement(strangerKey, secondKey),
    ])
    expect(accepted).toEqual([])
    const jws = await sign(secondKey, SignedKind.validation, { code: 'VALID' })
    await expectRefusal(trust.verify(jws, SignedKind.validation), 'UNKNOWN_KEY')
  })

  it('ignores a statement whose announced key was swapped after signing', async () => {
    const trust = trustOnly(firstKey)
    const statement = await signKeyStatement(firstKey, secondKey)
    const swapped = withEditedPayload(
      statement,
      (payload) => (payload.jwk = { ...strangerKey.publicJwk, kid: 'k2' }),
    )
    expect(await trust.acceptKeyStatements([swapped])).toEqual([])
    expect(trust.trustedKids()).toEqual(['k1'])
  })

  it('ignores a statement whose kid differs from the announced key', async () => {
    const trust = trustOnly(firstKey)
    const mislabelled = await sign(firstKey, SignedKind.key, {
      kid: 'k9',
      jwk: secondKey.publicJwk,
      iat: 0,
    })
    expect(await trust.acceptKeyStatements([mislabelled])).toEqual([])
  })

  it('ignores an object of another kind offered as a key statement', async () => {
    const trust = trustOnly(firstKey)
    const notAStatement = await sign(firstKey, SignedKind.validation, {
      kid: 'k2',
      jwk: secondKey.publicJwk,
      iat: 0,
    })
    expect(await trust.acceptKeyStatements([notAStatement, 'garbage'])).toEqual([])
  })

  it('never gives a trusted kid a different key', async () => {
    const trust = trustOnly(firstKey, secondKey)
    const impostor = { ...strangerKey.publicJwk, kid: 'k2' }
    const statement = await sign(firstKey, SignedKind.key, { kid: 'k2', jwk: impostor, iat: 0 })
    expect(await trust.acceptKeyStatements([statement])).toEqual([])
    const signedByStranger = await sign(
      strangerKey,
      SignedKind.validation,
      { code: 'VALID' },
      { kid: 'k2' },
    )
    await expectRefusal(trust.verify(signedByStranger, SignedKind.validation), 'BAD_SIGNATURE')
  })
})
