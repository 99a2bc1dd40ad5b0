import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { rest } from '../helpers/rest'

describe('client endpoint rate limits', () => {
  let booted: TestPayload
  beforeAll(async () => {
    booted = await bootPayload()
  })
  afterAll(async () => booted?.shutdown())

  const deactivate = (address: string) =>
    rest<{ code: string }>(booted, 'POST', '/api/v1/licenses/deactivate', {
      headers: { 'x-forwarded-for': address },
      body: { key: 'PMON-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-0', fingerprint: 'machine-1' },
    })

  it('answers 429 RATE_LIMITED with Retry-After once an address spends its budget, and only that address', async () => {
    for (let request = 0; request < 300; request += 1) {
      expect((await deactivate('203.0.113.7')).status).toBe(200)
    }
    const refused = await deactivate('203.0.113.7')
    expect(refused.status).toBe(429)
    expect(refused.body.code).toBe('RATE_LIMITED')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await deactivate('203.0.113.8')).status).toBe(200)
  })

  it('documents the 429 answer in the OpenAPI document', async () => {
    const document = await rest<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }>(booted, 'GET', '/api/v1/openapi.json')
    expect(document.body.paths['/api/v1/licenses/activate'].post.responses['429']).toBeDefined()
    expect(document.body.paths['/api/v1/licenses/validate'].post.responses['429']).toBeUndefined()
  })
})
