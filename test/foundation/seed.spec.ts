import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed/seed'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'

describe('seed', () => {
  let booted: TestPayload
  beforeAll(async () => {
    booted = await bootPayload()
    await seed(booted.payload, { adminPassword: 'seed-test-password' })
  })
  afterAll(async () => booted?.shutdown())

  it('creates the three products with their lines', async () => {
    const { docs } = await booted.payload.find({ collection: 'products', sort: 'slug' })
    expect(docs.map((product) => [product.slug, product.lines])).toEqual([
      ['cockpit', ['v1']],
      ['collector', ['v6', 'v7']],
      ['promonitor', ['v6', 'v7']],
    ])
  })
})
