import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generatePrivateJwk, signJws } from '../../plugins/signing'
import { importSigningKey, type SigningKey } from '../../plugins/signing/signingKey'
import { SignedKind } from '../../src/lib/protocol'
import { TrustStore } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startApiHost } from '../helpers/startApiHost'

const run = promisify(execFile)

/** `npm run signing-key:rotate` in its own process: another instance on the same database. */
const rotateFromAnotherInstance = async (): Promise<{
  code: number
  stdout: string
  stderr: string
}> => {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'signing-key:rotate'], {
      env: process.env,
      timeout: 180_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

const kidOf = (jws: string): string =>
  JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString()).kid

describe('rotation to a staged key, followed by every instance without a restart', () => {
  const currentJwk = generatePrivateJwk()
  const nextJwk = generatePrivateJwk()
  let current: SigningKey
  let next: SigningKey
  let booted: TestPayload
  let api: { url: string; close: () => Promise<void> }

  beforeAll(async () => {
    current = await importSigningKey(currentJwk)
    next = await importSigningKey(nextJwk)
    booted = await bootPayload({
      SIGNING_PRIVATE_JWK: JSON.stringify(currentJwk),
      SIGNING_NEXT_PRIVATE_JWK: JSON.stringify(nextJwk),
      SIGNING_KEY_REFRESH_MS: '200',
    })
    api = await startApiHost(booted)
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })

  const publishedKeys = async () =>
    (await (await fetch(`${api.url}/api/v1/keys`)).json()) as {
      keys: Array<{ kid: string }>
      statements: string[]
    }

  it('signs with the current key and publishes only it while the next key is staged', async () => {
    expect(kidOf(await signJws(booted.payload, SignedKind.license, { licenseId: '1' }))).toBe(
      current.kid,
    )
    expect((await publishedKeys()).keys.map((key) => key.kid)).toEqual([current.kid])
  })

  it('switches to the staged key within its check interval when another instance rotates, and apps trusting the first key follow the chain', async () => {
    const rotation = await rotateFromAnotherInstance()
    expect(rotation.code, rotation.stderr).toBe(0)
    expect(JSON.parse(rotation.stdout.trim().split('\n').at(-1)!)).toEqual({
      kid: next.kid,
      previousKid: current.kid,
    })

    await expect
      .poll(async () => kidOf(await signJws(booted.payload, SignedKind.license, { n: 1 })), {
        timeout: 5_000,
        interval: 100,
      })
      .toBe(next.kid)
    const { keys, statements } = await publishedKeys()
    expect(keys.map((key) => key.kid)).toEqual([current.kid, next.kid])
    const trust = new TrustStore([current.publicJwk])
    expect(await trust.acceptKeyStatements(statements)).toEqual([next.kid])
    const jws = await signJws(booted.payload, SignedKind.license, { licenseId: '2' })
    await expect(trust.verify(jws, SignedKind.license)).resolves.toMatchObject({
      header: { kid: next.kid },
    })
  })

  it('an instance started after the rotation with the same environment signs with the new key, and has nothing left to rotate to', async () => {
    const again = await rotateFromAnotherInstance()
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain('No key is staged')
    const rows = await booted.payload.find({
      collection: 'signing-keys',
      sort: 'createdAt',
      depth: 0,
    })
    expect(rows.docs.map((row) => [row.kid, row.status])).toEqual([
      [current.kid, 'retired'],
      [next.kid, 'active'],
    ])
  })
})
