import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generatePrivateJwk, getPublicKeySet, signJws } from '../../plugins/signing'
import { importSigningKey } from '../../plugins/signing/signingKey'
import { SignedKind } from '../../src/lib/protocol'
import { TrustStore } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'

describe('signing key from the environment, rotated at boot', () => {
  const previousJwk = generatePrivateJwk()
  const currentJwk = generatePrivateJwk()
  let booted: TestPayload

  beforeAll(async () => {
    booted = await bootPayload({
      SIGNING_PRIVATE_JWK: JSON.stringify(currentJwk),
      SIGNING_PREVIOUS_PRIVATE_JWK: JSON.stringify(previousJwk),
    })
  })
  afterAll(async () => booted?.shutdown())

  it('signs with SIGNING_PRIVATE_JWK, vouched for by SIGNING_PREVIOUS_PRIVATE_JWK, and writes no key file', async () => {
    const current = await importSigningKey(currentJwk)
    const previous = await importSigningKey(previousJwk)
    const { keys, statements } = await getPublicKeySet(booted.payload)
    expect(keys.map((key) => key.kid)).toEqual([previous.kid, current.kid])

    const trust = new TrustStore([previous.publicJwk])
    expect(await trust.acceptKeyStatements(statements)).toEqual([current.kid])
    const jws = await signJws(booted.payload, SignedKind.license, { licenseId: '7' })
    await expect(trust.verify(jws, SignedKind.license)).resolves.toMatchObject({
      header: { kid: current.kid },
    })

    const { existsSync } = await import('node:fs')
    expect(existsSync(`${booted.dataDir}/signing-key.json`)).toBe(false)
  })
})
