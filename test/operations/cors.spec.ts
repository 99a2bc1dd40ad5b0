import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createLicense, createProduct } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

// CORS on /api/v1, on both hosts: an Origin is echoed back with credentials only when it is
// PUBLIC_URL's or listed in CORS_ORIGINS, never because a request sent it.

let booted: TestPayload
let apiHost: ApiServer
let nextRoute: ApiServer
let licenseKey: string

beforeAll(async () => {
  booted = await bootPayload({
    PUBLIC_URL: 'https://hub.example',
    CORS_ORIGINS: 'https://partner.example',
  })
  const { payload } = booted
  const product = await createProduct(payload, 'promonitor', {
    name: 'ProMonitor',
    lines: ['v7'],
    platforms: ['linux-x64'],
  })
  licenseKey = (
    await createLicense(payload, {
      customer: await createCustomer(payload, 'Acme Industrial'),
      product,
      type: 'perpetual',
      startsAt: addDays(new Date(), -1).toISOString(),
      expiresAt: null,
    })
  ).key as string
  apiHost = await serveApi(booted)
  nextRoute = await serveApi(booted, { clientApiVia: 'payload-router' })
})

afterAll(async () => {
  await apiHost?.close()
  await nextRoute?.close()
  await booted?.shutdown()
})

const strangers = [
  'https://evil.example',
  'null',
  '*',
  'http://hub.example',
  'https://hub.example.evil.example',
  'https://evil-hub.example',
  'https://partner.example.evil.example',
  'https://partner.example:8443',
]

const requests = () => [
  { method: 'GET', path: '/api/v1/keys' },
  { method: 'GET', path: '/api/v1/health' },
  {
    method: 'GET',
    path: '/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable&platform=linux-x64',
  },
  { method: 'POST', path: '/api/v1/licenses/validate', body: { key: licenseKey, nonce: 'n' } },
  { method: 'OPTIONS', path: '/api/v1/licenses/validate' },
]

describe('CORS on /api/v1', () => {
  it('never echoes an Origin it was not configured with, nor allows credentials for it', async () => {
    for (const [name, host] of Object.entries({ 'API host': apiHost, 'Next app': nextRoute })) {
      for (const origin of strangers) {
        for (const { method, path, body } of requests()) {
          const answer = await host.call(method, path, {
            body,
            headers: {
              origin,
              cookie: 'payload-token=anything',
              'access-control-request-method': 'POST',
            },
          })
          const where = `${name} ${method} ${path} from ${origin}`
          expect(answer.status, where).toBeLessThan(500)
          const allowed = answer.headers.get('access-control-allow-origin')
          expect(allowed === origin || allowed === '*', where).toBe(false)
          if (allowed === null)
            expect(answer.headers.get('access-control-allow-credentials'), where).toBeNull()
        }
      }
    }
  })

  it('allows PUBLIC_URL’s origin and the listed ones, with credentials', async () => {
    for (const [name, host] of Object.entries({ 'API host': apiHost, 'Next app': nextRoute })) {
      for (const origin of ['https://hub.example', 'https://partner.example']) {
        const answer = await host.call('GET', '/api/v1/keys', { headers: { origin } })
        expect(answer.headers.get('access-control-allow-origin'), name).toBe(origin)
        expect(answer.headers.get('access-control-allow-credentials'), name).toBe('true')
      }
    }
  })
})

describe('CORS_ORIGINS', () => {
  it('refuses to start with a wildcard, "null" or anything but an origin', async () => {
    for (const entry of [
      '*',
      'null',
      'https://*.example.com',
      'https://a.example/path',
      'file:///x',
    ]) {
      vi.resetModules()
      vi.stubEnv('CORS_ORIGINS', `https://partner.example, ${entry}`)
      await expect(import('../../src/env'), entry).rejects.toThrow('CORS_ORIGINS')
    }
    vi.resetModules()
    vi.stubEnv('CORS_ORIGINS', 'https://Partner.example:443/')
    const { env } = await import('../../src/env')
    expect(env.browserOrigins).toContain('https://partner.example')
    vi.unstubAllEnvs()
  })
})
