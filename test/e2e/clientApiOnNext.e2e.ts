import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SignedKind, TrustStore, verifyLicenseFile, verifySignedAnswer } from '../../src/sdk'
import { checkForUpdate } from '../../src/sdk/updates'
import { startNextServer, type NextServer } from './helpers/startNextServer'

/** The client API through `npm start` (the one-process demo host), verified by the SDK. */
describe('client API on the Next host (production build)', () => {
  let server: NextServer
  let trust: TrustStore
  let licenseKey: string

  beforeAll(async () => {
    server = await startNextServer({ SEED_ADMIN_PASSWORD: 'e2e-admin-password' })
    const keys = (await (await fetch(`${server.url}/api/v1/keys`)).json()) as {
      keys: ConstructorParameters<typeof TrustStore>[0]
    }
    trust = new TrustStore(keys.keys)
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'support@example.com', password: 'e2e-admin-password' }),
    })
    const { token } = (await login.json()) as { token: string }
    const licenses = await fetch(`${server.url}/api/licenses?where[maxClients][equals]=5&depth=0`, {
      headers: { Authorization: `JWT ${token}` },
    })
    licenseKey = ((await licenses.json()) as { docs: Array<{ key: string }> }).docs[0].key
  })
  afterAll(async () => server?.stop())

  it('activates a machine and returns a signed answer and a license file the SDK verifies offline', async () => {
    const response = await fetch(`${server.url}/api/v1/licenses/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key: licenseKey,
        fingerprint: 'e2e-machine',
        hostname: 'e2e',
        nonce: 'nonce-e2e-1',
      }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { code: string; signed: string; licenseFile: string }
    expect(body.code).toBe('ACTIVATED')
    const signed = await verifySignedAnswer(body.signed, SignedKind.activation, {
      trust,
      nonce: 'nonce-e2e-1',
    })
    expect(signed.code).toBe('ACTIVATED')
    const file = await verifyLicenseFile(body.licenseFile, { trust, fingerprint: 'e2e-machine' })
    expect(file.key).toBe(licenseKey)
  })

  it('serves a signed update manifest the SDK accepts, and 304 for a known ETag', async () => {
    const url = `${server.url}/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable&platform=linux-x64`
    const response = await fetch(url)
    expect(response.status).toBe(200)
    const text = await response.text()
    const decision = await checkForUpdate({
      manifestText: text,
      trust,
      current: {
        product: 'promonitor',
        line: 'v7',
        channel: 'stable',
        platform: 'linux-x64',
        version: '7.2.0',
      },
      installId: 'e2e-install',
    })
    expect(decision.action).toBe('update')
    const again = await fetch(url, { headers: { 'If-None-Match': response.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('answers bad input with 400 BAD_REQUEST', async () => {
    const response = await fetch(`${server.url}/api/v1/licenses/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { code: string }).code).toBe('BAD_REQUEST')
  })
})
