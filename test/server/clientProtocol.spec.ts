import { request } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays } from '../../src/lib/time'
import { SignedKind, TrustStore, verifySignedAnswer } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCustomer,
  createLicense,
  createProduct,
  createRelease,
  installerBytes,
  sha256Hex,
  uploadArtifact,
} from '../helpers/fixtures'
import { openFilesUnder } from '../helpers/openFiles'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'

// The plugins' real endpoints, reached through the API host exactly as installed apps reach them.

let booted: TestPayload
let host: TestApiHost
let licenseKey: string
let artifact: { id: number; bytes: Buffer }

beforeAll(async () => {
  booted = await bootPayload()
  host = await startApiHost(booted)
  const { payload } = booted
  const product = await createProduct(payload, 'promonitor', {
    name: 'ProMonitor',
    platforms: ['linux-x64'],
  })
  const license = await createLicense(payload, {
    customer: await createCustomer(payload, 'Acme Industrial'),
    product,
    maxClients: 3,
  })
  licenseKey = license.key as string
  const release = await createRelease(payload, {
    product,
    version: '7.3.0',
    releasedAt: addDays(new Date(), -5).toISOString(),
  })
  const bytes = installerBytes(3 * 1024 * 1024 + 17)
  artifact = { id: (await uploadArtifact(payload, release, 'linux-x64', bytes)).id, bytes }
})

afterAll(async () => {
  await host?.close()
  await booted?.shutdown()
})

describe('license validation through the API host', () => {
  it('answers a validation signed for the nonce the app sent, verified by the SDK', async () => {
    const keys = (await (await fetch(`${host.url}/api/v1/keys`)).json()) as { keys: never[] }
    const trust = new TrustStore(keys.keys)

    const response = await fetch(`${host.url}/api/v1/licenses/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key: licenseKey,
        product: 'promonitor',
        line: 'v7',
        nonce: 'nonce-through-the-host',
      }),
    })
    expect(response.status).toBe(200)
    const answer = (await response.json()) as { valid: boolean; code: string; signed: string }
    expect(answer).toMatchObject({ valid: true, code: 'VALID' })
    const signed = await verifySignedAnswer(answer.signed, SignedKind.validation, {
      trust,
      nonce: 'nonce-through-the-host',
    })
    expect(signed).toMatchObject({ valid: true, code: 'VALID' })
  })

  it('answers 400 BAD_REQUEST to a body that is not JSON, 413 PAYLOAD_TOO_LARGE to one too large, and keeps serving', async () => {
    const notJson = await fetch(`${host.url}/api/v1/licenses/validate`, {
      method: 'POST',
      body: 'key=abc',
    })
    expect([notJson.status, ((await notJson.json()) as { code: string }).code]).toEqual([
      400,
      'BAD_REQUEST',
    ])

    // Declared too large: refused from its Content-Length, the 1 MB is never buffered by the host.
    const big = JSON.stringify({ key: licenseKey, padding: 'x'.repeat(1024 * 1024) })
    const tooLarge = await fetch(`${host.url}/api/v1/licenses/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    })
    expect([tooLarge.status, ((await tooLarge.json()) as { code: string }).code]).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ])

    const again = await fetch(`${host.url}/api/v1/licenses/validate`, {
      method: 'POST',
      body: JSON.stringify({ key: licenseKey }),
    })
    expect(again.status).toBe(200)
  })
})

describe('downloads through the API host', () => {
  const fileLink = async () => {
    const redirect = await fetch(`${host.url}/api/v1/downloads/${artifact.id}`, {
      headers: { authorization: `License ${licenseKey}` },
      redirect: 'manual',
    })
    expect(redirect.status).toBe(302)
    await redirect.arrayBuffer()
    return new URL(redirect.headers.get('location')!, host.url).toString()
  }

  it('follows the licensed redirect and streams the whole file with its checksum headers', async () => {
    const response = await fetch(await fileLink())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(artifact.bytes.length))
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    const sha256 = sha256Hex(artifact.bytes)
    expect(response.headers.get('x-checksum-sha256')).toBe(sha256)
    const received = Buffer.from(await response.arrayBuffer())
    expect(sha256Hex(received)).toBe(sha256)
  })

  it('resumes with a Range request (206 and exactly the bytes asked for)', async () => {
    const from = 1_000_003
    const response = await fetch(await fileLink(), { headers: { range: `bytes=${from}-` } })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(
      `bytes ${from}-${artifact.bytes.length - 1}/${artifact.bytes.length}`,
    )
    expect(Buffer.from(await response.arrayBuffer()).equals(artifact.bytes.subarray(from))).toBe(
      true,
    )
  })

  it('keeps serving when a client drops a download half-way', async () => {
    const link = new URL(await fileLink())
    await new Promise<void>((resolve, reject) => {
      const outgoing = request(
        {
          host: link.hostname,
          port: link.port,
          path: `${link.pathname}${link.search}`,
          agent: false,
        },
        (incoming) => {
          expect(incoming.statusCode).toBe(200)
          incoming.once('data', () => {
            outgoing.destroy()
            resolve()
          })
        },
      )
      outgoing.on('error', () => {})
      outgoing.end()
      setTimeout(() => reject(new Error('no data')), 10_000).unref()
    })
    const whole = await fetch(await fileLink())
    expect(Buffer.from(await whole.arrayBuffer()).length).toBe(artifact.bytes.length)
    // Neither the dropped download nor the finished one leaves the file open.
    await expect.poll(() => openFilesUnder(booted.mediaDir), { timeout: 5_000 }).toEqual([])
  })
})
