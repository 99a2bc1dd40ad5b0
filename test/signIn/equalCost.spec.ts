import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { signInFrom, type SignInAnswer } from './signInFrom'

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const timed = async (
  attempt: () => Promise<SignInAnswer>,
): Promise<{ ms: number; answer: SignInAnswer }> => {
  const startedAt = performance.now()
  const answer = await attempt()
  return { ms: performance.now() - startedAt, answer }
}

// The one place a timing is the behaviour itself: the answer time must not tell who has an account.
describe('an unknown email costs what a wrong password costs', () => {
  let booted: TestPayload

  beforeAll(async () => {
    booted = await bootPayload()
    const customer = await createCustomer(booted.payload, 'Acme Industrial')
    await createCustomerAccount(booted.payload, 'alice@acme.test', [customer.id], 'alice-api-key')
    // Wrong passwords rotate over ten accounts, three each: whatever lock an account has, none is
    // hit.
    for (let index = 0; index < 10; index += 1)
      await createCustomerAccount(
        booted.payload,
        `user${index}@acme.test`,
        [customer.id],
        `api-key-${index}`,
      )
  })
  afterAll(async () => booted?.shutdown())

  it('answers both with the same status and body', async () => {
    const unknown = await signInFrom(
      booted,
      '192.0.2.200',
      'customer-users',
      'nobody@acme.test',
      'guess-1',
    )
    const wrong = await signInFrom(
      booted,
      '192.0.2.201',
      'customer-users',
      'alice@acme.test',
      'guess-1',
    )
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(unknown.body).toEqual(wrong.body)
  })

  it('takes about as long for both: medians of 30 interleaved attempts within a factor of two', async () => {
    const unknownTimes: number[] = []
    const wrongTimes: number[] = []
    // Warm up both paths (first queries, first hash), then interleave so a noisy stretch of this
    // shared machine slows both alike. Each attempt comes from an address of its own: no budget is
    // hit.
    await signInFrom(booted, '192.0.2.250', 'customer-users', 'warmup@acme.test', 'guess')
    await signInFrom(booted, '192.0.2.251', 'customer-users', 'alice@acme.test', 'guess-warmup')
    for (let round = 0; round < 30; round += 1) {
      const unknown = await timed(() =>
        signInFrom(
          booted,
          `198.18.0.${round}`,
          'customer-users',
          `nobody${round}@acme.test`,
          `guess-${round}`,
        ),
      )
      const wrong = await timed(() =>
        signInFrom(
          booted,
          `198.18.1.${round}`,
          'customer-users',
          `user${round % 10}@acme.test`,
          `guess-${round}`,
        ),
      )
      expect(unknown.answer.status).toBe(401)
      expect(wrong.answer.status).toBe(401)
      unknownTimes.push(unknown.ms)
      wrongTimes.push(wrong.ms)
    }
    const ratio = median(unknownTimes) / median(wrongTimes)
    console.info(
      `sign-in medians over 30 attempts: unknown email ${median(unknownTimes).toFixed(1)} ms, wrong password ${median(wrongTimes).toFixed(1)} ms (ratio ${ratio.toFixed(2)})`,
    )
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
    // Sixty-odd full password hashes: minutes when this shared machine is busy.
  }, 300_000)
})
