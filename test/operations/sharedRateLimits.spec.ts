import { randomBytes } from 'node:crypto'

import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clientRateLimits, closeRateLimitStore, rateLimitStoreOf } from '../../plugins/clientApi'
import { stopScheduledTasks } from '../../plugins/scheduler'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'

// Two instances (two Payloads, each behind its own API host) on one database and one Redis:
// a client address has one budget across both. The machine's Redis (REDIS_URL, as in CI).

const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
let first: TestPayload
let second: TestPayload
let hosts: TestApiHost[] = []

const waitForRedis = async (payload: Payload) => {
  const redis = rateLimitStoreOf(payload)!
  for (let tries = 0; redis.status !== 'ready' && tries < 100; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 50))
  expect(redis.status).toBe('ready')
}

beforeAll(async () => {
  first = await bootPayload({ REDIS_URL: redisUrl })
  // A second instance of the same app on the same database: its own Payload, memory and Redis
  // connection, as another machine behind the load balancer would have.
  const secondKey = `${first.cacheKey}#second`
  const payload = await getPayload({ config: first.config, key: secondKey } as Parameters<
    typeof getPayload
  >[0])
  second = { ...first, payload, cacheKey: secondKey }
  await waitForRedis(first.payload)
  await waitForRedis(second.payload)
  // A proxy on loopback sets X-Forwarded-For, as nginx would.
  hosts = [
    await startApiHost(first, { trustProxy: 'loopback' }),
    await startApiHost(second, { trustProxy: 'loopback' }),
  ]
})

afterAll(async () => {
  for (const host of hosts) await host.close()
  for (const booted of [second, first]) if (booted) closeRateLimitStore(booted.payload)
  if (second) {
    stopScheduledTasks(second.payload)
    await second.payload.destroy()
  }
  await first?.shutdown()
})

/** A client address no earlier run used: Redis keeps budgets across test runs. */
const freshAddress = () =>
  `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`

const deactivate = (host: TestApiHost, address: string) =>
  fetch(`${host.url}/api/v1/licenses/deactivate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ key: 'PMON-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-0', fingerprint: 'machine-1' }),
  })

describe('rate limits shared through Redis (REDIS_URL)', () => {
  it('gives an address one budget across two instances, then 429 RATE_LIMITED on both', async () => {
    const { limit } = clientRateLimits.seats
    const address = freshAddress()
    for (let request = 0; request < limit; request += 1) {
      const answer = await deactivate(hosts[request % 2], address)
      expect(answer.status, `request ${request + 1}`).toBe(200)
    }
    for (const host of hosts) {
      const refused = await deactivate(host, address)
      expect(refused.status).toBe(429)
      expect((await refused.json()).code).toBe('RATE_LIMITED')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(refused.headers.get('x-ratelimit-limit')).toBe(String(limit))
    }
    // Another address still has its whole budget.
    expect((await deactivate(hosts[1], freshAddress())).status).toBe(200)
  })

  it('keeps the budget in Redis under the endpoint’s name', async () => {
    const address = freshAddress()
    expect((await deactivate(hosts[0], address)).status).toBe(200)
    const redis = rateLimitStoreOf(first.payload)!
    const keys = await redis.keys(`hub:rate:post:/v1/licenses/deactivate:${address}`)
    expect(keys).toHaveLength(1)
    expect(Number(await redis.get(keys[0]))).toBe(1)
  })
})
