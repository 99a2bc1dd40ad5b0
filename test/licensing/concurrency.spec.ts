import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Customer, Product } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

const countBy = (codes: string[]) =>
  codes.reduce<Record<string, number>>(
    (counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }),
    {},
  )

describe('client limit under concurrency', () => {
  let booted: TestPayload
  let api: ApiServer
  let promonitor: Product
  let acme: Customer

  const activate = (key: string, fingerprint: string) =>
    api.call('POST', '/api/v1/licenses/activate', { body: { key, fingerprint } })

  beforeAll(async () => {
    booted = await bootPayload()
    api = await serveApi(booted)
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })

  const seatsOf = async (licenseId: number) => ({
    activeClients: (await booted.payload.findByID({ collection: 'licenses', id: licenseId }))
      .activeClients,
    rows: (
      await booted.payload.count({
        collection: 'activations',
        where: { license: { equals: licenseId } },
      })
    ).totalDocs,
  })

  it('lets exactly maxClients of 50 parallel distinct fingerprints in, and activeClients equals the activation rows', async () => {
    const license = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 5,
    })
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) => activate(license.key as string, `machine-${index}`)),
    )
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    expect(countBy(answers.map((answer) => answer.body.code))).toEqual({
      ACTIVATED: 5,
      TOO_MANY_CLIENTS: 45,
    })
    expect(await seatsOf(license.id)).toEqual({ activeClients: 5, rows: 5 })
    const winners = answers
      .filter((answer) => answer.body.code === 'ACTIVATED')
      .map((answer) => answer.body.activation.fingerprint)
    expect(new Set(winners).size).toBe(5)
    expect(
      (await booted.payload.findByID({ collection: 'licenses', id: license.id })).limitReachedCount,
    ).toBe(45)
  })

  it('takes one seat when the same fingerprint activates 20 times at once', async () => {
    const license = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 3,
    })
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => activate(license.key as string, 'same-machine')),
    )
    expect(countBy(answers.map((answer) => answer.body.code))).toEqual({
      ACTIVATED: 1,
      ALREADY_ACTIVE: 19,
    })
    expect(new Set(answers.map((answer) => answer.body.activation.id)).size).toBe(1)
    expect(await seatsOf(license.id)).toEqual({ activeClients: 1, rows: 1 })
  })

  it('frees a seat once when the same fingerprint deactivates 10 times at once, and mixed traffic keeps the count true', async () => {
    const license = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 4,
    })
    await activate(license.key as string, 'leaving')
    const deactivations = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.call('POST', '/api/v1/licenses/deactivate', {
          body: { key: license.key, fingerprint: 'leaving' },
        }),
      ),
    )
    expect(countBy(deactivations.map((answer) => answer.body.code))).toEqual({
      DEACTIVATED: 1,
      NOT_ACTIVE: 9,
    })
    expect(await seatsOf(license.id)).toEqual({ activeClients: 0, rows: 0 })

    const mixed = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        index % 3 === 2
          ? api.call('POST', '/api/v1/licenses/deactivate', {
              body: { key: license.key, fingerprint: `m-${index - 2}` },
            })
          : activate(license.key as string, `m-${index}`),
      ),
    )
    expect(mixed.every((answer) => answer.status === 200)).toBe(true)
    const seats = await seatsOf(license.id)
    expect(seats.activeClients).toBe(seats.rows)
    expect(seats.rows).toBeLessThanOrEqual(4)
  })
})
