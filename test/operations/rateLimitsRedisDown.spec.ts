import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { clientRateLimits, closeRateLimitStore, rateLimitStoreOf } from '../../plugins/clientApi'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startTestRedis, type TestRedis } from '../helpers/redisServer'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'

// REDIS_URL set, and Redis goes away: the API host keeps answering, each instance limiting in
// its own memory with the same budgets, logs the outage once, and shares budgets again once
// Redis is back. A Redis server of this file's own, so taking it down touches no other test.

let redis: TestRedis
let booted: TestPayload
let host: TestApiHost

beforeAll(async () => {
  redis = await startTestRedis()
  booted = await bootPayload({ REDIS_URL: redis.url })
  host = await startApiHost(booted, { trustProxy: 'loopback' })
})

afterAll(async () => {
  await host?.close()
  if (booted) closeRateLimitStore(booted.payload)
  await booted?.shutdown()
  await redis?.kill()
})

const freshAddress = () =>
  `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`

const deactivate = (address: string) =>
  fetch(`${host.url}/api/v1/licenses/deactivate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ key: 'PMON-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-0', fingerprint: 'machine-1' }),
  })

const waitFor = async (condition: () => boolean, what: string) => {
  for (let tries = 0; !condition() && tries < 200; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 50))
  expect(condition(), what).toBe(true)
}

const rateLimitLines = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([line]) => String(line).startsWith('Rate limits:'))

describe('rate limits when Redis is down', () => {
  it('answers with this instance’s in-memory budget, logs the outage once, and shares again when Redis is back', async () => {
    const { payload } = booted
    const store = rateLimitStoreOf(payload)!
    await waitFor(() => store.status === 'ready', 'connected to Redis first')
    const warn = vi.spyOn(payload.logger, 'warn')
    const info = vi.spyOn(payload.logger, 'info')

    await redis.kill()
    await waitFor(() => store.status !== 'ready', 'the connection noticed the outage')

    const { limit } = clientRateLimits.seats
    const address = freshAddress()
    for (let request = 0; request < limit; request += 1) {
      const answer = await deactivate(address)
      expect(answer.status, `request ${request + 1}`).toBe(200)
    }
    const refused = await deactivate(address)
    expect(refused.status).toBe(429)
    expect((await refused.json()).code).toBe('RATE_LIMITED')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await deactivate(freshAddress())).status).toBe(200)

    // Reconnection attempts went on all along; the outage was logged once.
    expect(rateLimitLines(warn)).toHaveLength(1)
    expect(String(rateLimitLines(warn)[0][0])).toContain('Redis unreachable')

    await redis.restart()
    await waitFor(() => store.status === 'ready', 'reconnected once Redis is back')
    expect(rateLimitLines(info)).toHaveLength(1)
    const shared = freshAddress()
    expect((await deactivate(shared)).status).toBe(200)
    expect(Number(await store.get(`hub:rate:post:/v1/licenses/deactivate:${shared}`))).toBe(1)
  })
})
