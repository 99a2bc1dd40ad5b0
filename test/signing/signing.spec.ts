import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { calculateJwkThumbprint } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  generatePrivateJwk,
  getPublicKeySet,
  rotateSigningKey,
  signJws,
} from '../../plugins/signing'
import { SignedKind } from '../../src/lib/protocol'
import { TrustStore } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { withChangedSignatureCharacter, withEditedPayload } from '../sdk/signingFixtures'

const base64urlJson = (segment: string) =>
  JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))

describe('signing keys', () => {
  let booted: TestPayload
  let api: ApiServer
  let developmentKid: string
  let developmentJwk: Record<string, string>

  beforeAll(async () => {
    booted = await bootPayload()
    api = await serveApi(booted)
    developmentJwk = JSON.parse(readFileSync(path.join(booted.dataDir, 'signing-key.json'), 'utf8'))
    developmentKid = await calculateJwkThumbprint({
      kty: 'OKP',
      crv: 'Ed25519',
      x: developmentJwk.x,
    })
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })

  it('keeps a generated development key in the data folder, readable by the owner only, never in the database', async () => {
    expect(statSync(path.join(booted.dataDir, 'signing-key.json')).mode & 0o777).toBe(0o600)
    const { docs } = await booted.payload.find({ collection: 'signing-keys', overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(JSON.stringify(docs)).not.toContain(developmentJwk.d)
  })

  it('publishes the public key at GET /api/v1/keys with its RFC 7638 thumbprint as kid', async () => {
    const answer = await api.call('GET', '/api/v1/keys')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      keys: [
        {
          kty: 'OKP',
          crv: 'Ed25519',
          x: developmentJwk.x,
          kid: developmentKid,
          alg: 'EdDSA',
          use: 'sig',
        },
      ],
      statements: [],
    })
  })

  it('signs with header { alg: EdDSA, kid, typ } and adds iat, verified by the SDK', async () => {
    const before = Math.floor(Date.now() / 1000)
    const jws = await signJws(booted.payload, SignedKind.validation, {
      code: 'VALID',
      nonce: 'n-1',
    })
    expect(base64urlJson(jws.split('.')[0])).toEqual({
      alg: 'EdDSA',
      kid: developmentKid,
      typ: 'validation+jws',
    })
    const trust = new TrustStore((await getPublicKeySet(booted.payload)).keys)
    const { payload } = await trust.verify(jws, SignedKind.validation)
    expect(payload).toMatchObject({ code: 'VALID', nonce: 'n-1' })
    expect(payload.iat).toBeGreaterThanOrEqual(before)
  })

  it('keeps an iat the claims already carry', async () => {
    const jws = await signJws(booted.payload, SignedKind.usage, { iat: 1234 })
    expect(base64urlJson(jws.split('.')[1])).toEqual({ iat: 1234 })
  })

  it('is refused by the SDK when a byte changed or the kind is wrong', async () => {
    const trust = new TrustStore((await getPublicKeySet(booted.payload)).keys)
    const jws = await signJws(booted.payload, SignedKind.license, { licenseId: '1' })
    await expect(
      trust.verify(
        withEditedPayload(jws, (claims) => (claims.licenseId = '2')),
        SignedKind.license,
      ),
    ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
    await expect(
      trust.verify(withChangedSignatureCharacter(jws), SignedKind.license),
    ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
    await expect(trust.verify(jws, SignedKind.activation)).rejects.toMatchObject({
      code: 'WRONG_KIND',
    })
  })

  it('only lets admins read the signing keys over REST', async () => {
    const anonymous = await api.call('GET', '/api/signing-keys')
    expect(anonymous.status).toBe(403)
  })

  describe('rotation', () => {
    const secondJwk = generatePrivateJwk()
    let secondKid: string

    beforeAll(async () => {
      ;({ kid: secondKid } = await rotateSigningKey(booted.payload, {
        newPrivateJwk: secondJwk,
        previousPrivateJwk: developmentJwk,
      }))
    })

    it('publishes the new key with a statement signed by the previous one, and keeps the retired key', async () => {
      const answer = await api.call('GET', '/api/v1/keys')
      expect(answer.body.keys.map((key: { kid: string }) => key.kid)).toEqual([
        developmentKid,
        secondKid,
      ])
      expect(answer.body.statements).toHaveLength(1)
      const [header, claims] = answer.body.statements[0].split('.').slice(0, 2).map(base64urlJson)
      expect(header).toEqual({ alg: 'EdDSA', kid: developmentKid, typ: 'key+jws' })
      expect(claims).toMatchObject({
        kid: secondKid,
        jwk: { kid: secondKid, kty: 'OKP', crv: 'Ed25519' },
      })
      const rows = await booted.payload.find({
        collection: 'signing-keys',
        overrideAccess: true,
        sort: 'createdAt',
      })
      expect(rows.docs.map((row) => [row.kid, row.status])).toEqual([
        [developmentKid, 'retired'],
        [secondKid, 'active'],
      ])
    })

    it('signs with the new key from then on; an SDK trusting only the first key accepts it through the chain', async () => {
      const jws = await signJws(booted.payload, SignedKind.validation, { code: 'VALID' })
      expect(base64urlJson(jws.split('.')[0]).kid).toBe(secondKid)
      const { keys, statements } = (await api.call('GET', '/api/v1/keys')).body
      const trust = new TrustStore(
        keys.filter((key: { kid: string }) => key.kid === developmentKid),
      )
      await expect(trust.verify(jws, SignedKind.validation)).rejects.toMatchObject({
        code: 'UNKNOWN_KEY',
      })
      expect(await trust.acceptKeyStatements(statements)).toEqual([secondKid])
      await expect(trust.verify(jws, SignedKind.validation)).resolves.toBeTruthy()
    })

    it('refuses a next key that the current key did not vouch for', async () => {
      const strangerJwk = generatePrivateJwk()
      const { keys, statements } = (await api.call('GET', '/api/v1/keys')).body
      const trust = new TrustStore(
        keys.filter((key: { kid: string }) => key.kid === developmentKid),
      )
      // A statement for a third key signed by that key itself (an attacker's self-vouching key).
      const { importSigningKey } = await import('../../plugins/signing/signingKey')
      const { signKeyStatement } = await import('../../plugins/signing/installSigningKey')
      const stranger = await importSigningKey(strangerJwk)
      const selfSigned = signKeyStatement(stranger, stranger)
      expect(await trust.acceptKeyStatements([selfSigned])).toEqual([])
      expect(trust.trustedKids()).toEqual([developmentKid])
      // A tampered real statement is refused too.
      const tampered = withEditedPayload(
        statements[0],
        (claims) => ((claims.jwk as { x: string }).x = stranger.publicJwk.x),
      )
      expect(await trust.acceptKeyStatements([tampered])).toEqual([])
    })

    it('never lets a retired key sign again', async () => {
      await expect(
        rotateSigningKey(booted.payload, {
          newPrivateJwk: generatePrivateJwk(),
          previousPrivateJwk: developmentJwk,
        }),
      ).rejects.toThrow(/retired/)
      await expect(
        rotateSigningKey(booted.payload, {
          newPrivateJwk: developmentJwk,
          previousPrivateJwk: secondJwk,
        }),
      ).rejects.toThrow(/retired/)
      const jws = await signJws(booted.payload, SignedKind.validation, {})
      expect(base64urlJson(jws.split('.')[0]).kid).toBe(secondKid)
    })
  })
})
