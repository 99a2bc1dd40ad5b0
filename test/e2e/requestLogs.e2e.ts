import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startNextServer, type NextServer } from './helpers/startNextServer'

type LogLine = { level: number; msg: string; requestId?: string; [field: string]: unknown }

/** The JSON lines `npm start` wrote (Next's own banner and warnings are not). */
const jsonLinesOf = (server: NextServer): LogLine[] =>
  server.logs
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)

const linesOf = async (server: NextServer, requestId: string): Promise<LogLine[]> => {
  const deadline = Date.now() + 5000
  for (;;) {
    const lines = jsonLinesOf(server).filter((line) => line.requestId === requestId)
    if (lines.length > 0 || Date.now() > deadline) return lines
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * `npm start` in production logs JSON lines (Payload's pino): each line written while a request
 * is handled, Payload's own included, carries the id the answer echoes in `X-Request-Id`.
 */
describe('the Next app server logs JSON lines with the request id, and no secret', () => {
  let server: NextServer
  beforeAll(async () => {
    // No TRUST_PROXY: every caller is a client, none may choose its request id.
    server = await startNextServer({ SEED_ADMIN_PASSWORD: 'e2e-admin-password', TRUST_PROXY: '' })
  })
  afterAll(async () => server?.stop())

  it("logs a failed staff sign-in as a JSON line carrying the request's echoed id, not the client's", async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'chosen-by-client' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'SECRET-wrong-password' }),
    })
    expect(response.status).toBe(401)
    const requestId = response.headers.get('x-request-id')!
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await linesOf(server, requestId)).toEqual([
      expect.objectContaining({
        level: 40,
        msg: expect.stringMatching(/^Sign-in failed: users account \d+ <admin@example.com>/),
      }),
    ])
    expect(server.logs.join('')).not.toContain('chosen-by-client')
  })

  it('gives every request its own id', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () =>
        (await fetch(`${server.url}/api/v1/keys`)).headers.get('x-request-id'),
      ),
    )
    expect(new Set(ids).size).toBe(3)
  })

  it('writes neither a license key nor an API key into any line', async () => {
    const licenseKey = 'PM7-SECRET-LICENSE-KEY-4711'
    const apiKey = 'sk_live_SECRET_API_KEY_0815'
    const headers = {
      'content-type': 'application/json',
      authorization: `users API-Key ${apiKey}`,
      'x-api-key': apiKey,
    }
    const answers = [
      await fetch(`${server.url}/api/v1/licenses/validate?key=${licenseKey}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ key: licenseKey, nonce: 42 }),
      }),
      await fetch(`${server.url}/api/v1/app/license`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ licenseKey, apiKey }),
      }),
      await fetch(`${server.url}/api/licenses?where[key][equals]=${licenseKey}`, { headers }),
      await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email: `${licenseKey}@example.com`, password: apiKey }),
      }),
    ]
    for (const answer of answers) expect(answer.status).toBeGreaterThanOrEqual(400)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(jsonLinesOf(server).length).toBeGreaterThan(0)
    expect(server.logs.join('')).not.toContain('SECRET')
  })
})
