import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { postStreamedBody } from '../server/streamedBody'
import { launchChromium } from './helpers/launchChromium'
import { startNextServer, type NextServer } from './helpers/startNextServer'

/**
 * `npm start` as deployed: the app's server in front of Next sets the client address, caps bodies
 * and sets the headers.
 */
describe('the Next app server (production build)', () => {
  let server: NextServer
  let browser: Browser

  beforeAll(async () => {
    server = await startNextServer({ SEED_ADMIN_PASSWORD: 'e2e-admin-password' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const expectSecurityHeaders = (headers: Headers, path: string) => {
    expect(headers.get('x-content-type-options'), path).toBe('nosniff')
    expect(headers.get('x-frame-options'), path).toBe('DENY')
    expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
    expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
    expect(headers.get('x-powered-by'), path).toBeNull()
  }

  it('puts the security headers on the admin, a portal page, Payload REST and the client API', async () => {
    for (const path of [
      '/admin/login',
      '/',
      '/portal/reset',
      '/api/products?limit=1',
      '/api/v1/keys',
    ]) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' })
      expectSecurityHeaders(response.headers, path)
    }
    const page = await fetch(`${server.url}/`)
    expect(page.headers.get('content-security-policy')).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    )
    expect(
      (await fetch(`${server.url}/api/v1/keys`)).headers.get('content-security-policy'),
    ).toMatch(/^default-src 'none'/)
  })

  it('renders the admin login and a portal page in Chromium without a CSP violation', async () => {
    const context = await browser.newContext()
    const violations: string[] = []
    try {
      const page = await context.newPage()
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
      })
      await page.goto(`${server.url}/admin/login`)
      await page.waitForSelector('input[name="email"]')
      await page.goto(`${server.url}/`)
      await page.waitForLoadState('networkidle')
    } finally {
      await context.close()
    }
    expect(violations).toEqual([])
  })

  it('keeps a rate limit on one address whatever X-Forwarded-For the client sends', async () => {
    const statuses: number[] = []
    for (let request = 0; request < 31; request += 1) {
      statuses.push(
        (
          await fetch(`${server.url}/api/v1/updates/offline-bundle`, {
            headers: { 'x-forwarded-for': `198.51.100.${request}` },
          })
        ).status,
      )
    }
    expect(statuses.slice(0, 30)).not.toContain(429)
    expect(statuses[30]).toBe(429)
  })

  it('answers 413 PAYLOAD_TOO_LARGE to a 300 MB chunked body without reading it', async () => {
    const answer = await postStreamedBody(
      `${server.url}/api/v1/licenses/validate`,
      300 * 1024 * 1024,
    )
    expect([answer.status, JSON.parse(answer.body).code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(answer.bytesSent).toBeLessThan(16 * 1024 * 1024)
    // And the server carries on.
    expect((await fetch(`${server.url}/api/v1/keys`)).status).toBe(200)
  })

  it('answers 405 METHOD_NOT_ALLOWED with Allow to a method a client endpoint does not take', async () => {
    const response = await fetch(`${server.url}/api/v1/licenses/validate`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(((await response.json()) as { code: string }).code).toBe('METHOD_NOT_ALLOWED')
  })
})
