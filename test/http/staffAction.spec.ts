import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Customer, Product } from '../../payload-types'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createLicense,
  createRelease,
  staffLogin,
} from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

// One mechanism for every staff action (src/http/staffAction.ts): the same path shape, login,
// role, id and body rules on licenses, customers and releases.
describe('staff actions', () => {
  let booted: TestPayload
  let api: ApiServer
  let promonitor: Product
  let acme: Customer
  let support: Record<string, string>
  let manager: Record<string, string>

  beforeAll(async () => {
    booted = await bootPayload()
    api = await serveApi(booted)
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    support = await staffLogin(booted.payload, api.call, 'sam@example.com', 'support')
    manager = await staffLogin(booted.payload, api.call, 'rita@example.com', 'release-manager')
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })

  const newLicense = () =>
    createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      type: 'subscription',
      expiresAt: addDays(new Date(), 30).toISOString(),
    })

  it('answers a release action at /:id/actions/<action> and at its former path alike', async () => {
    await createRelease(booted.payload, { product: promonitor, version: '7.2.0' })
    const bad = await createRelease(booted.payload, { product: promonitor, version: '7.3.0' })
    const targets = await api.call('GET', `/api/releases/${bad.id}/actions/rollback-targets`, {
      headers: manager,
    })
    expect(targets.body).toEqual({ versions: ['7.2.0'], default: '7.2.0' })
    const former = await api.call('GET', `/api/releases/${bad.id}/rollback-targets`, {
      headers: manager,
    })
    expect(former.body).toEqual(targets.body)

    const pulled = await api.call('POST', `/api/releases/${bad.id}/actions/pull`, {
      headers: manager,
    })
    expect(pulled.status).toBe(200)
    expect(pulled.body.release).toMatchObject({ status: 'pulled', rollbackTo: '7.2.0' })
    const restored = await api.call('POST', `/api/releases/${bad.id}/restore`, { headers: manager })
    expect(restored.body.release).toMatchObject({ status: 'published', rollbackTo: null })
  })

  it('reads an empty body as {} and refuses a body that is not JSON or not of the schema', async () => {
    const license = await newLicense()
    await api.call('POST', `/api/licenses/${license.id}/actions/suspend`, {
      body: {},
      headers: support,
    })
    const reinstated = await api.call('POST', `/api/licenses/${license.id}/actions/reinstate`, {
      headers: support,
    })
    expect(reinstated.status).toBe(200)
    expect(reinstated.body.license.status).toBe('active')

    const notJson = await api.call('POST', `/api/licenses/${license.id}/actions/extend`, {
      body: '{',
      headers: support,
    })
    expect(notJson).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } })
    const unknownField = await api.call('POST', `/api/licenses/${license.id}/actions/reinstate`, {
      body: { force: true },
      headers: support,
    })
    expect(unknownField).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } })
  })

  it('answers 404 NOT_FOUND for an id that is not a whole number, before reading anything', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '9'.repeat(20)]) {
      const answer = await api.call('POST', `/api/licenses/${id}/actions/extend`, {
        body: {},
        headers: support,
      })
      expect(answer, id).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
    }
    const release = await api.call('POST', '/api/releases/abc/actions/pull', { headers: manager })
    expect(release).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
  })

  it('is 401 UNAUTHORIZED without a login and 403 FORBIDDEN for a role the action does not name', async () => {
    const license = await newLicense()
    const anonymous = await api.call('POST', `/api/licenses/${license.id}/actions/extend`, {
      body: {},
    })
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } })
    const wrongRole = await api.call('POST', `/api/licenses/${license.id}/actions/extend`, {
      body: {},
      headers: manager,
    })
    expect(wrongRole).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
    const release = await createRelease(booted.payload, { product: promonitor, version: '7.9.0' })
    const supportOnRelease = await api.call('POST', `/api/releases/${release.id}/actions/pull`, {
      headers: support,
    })
    expect(supportOnRelease).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
  })

  it('serves the license file at /:id/actions/license-file and at its former path', async () => {
    const license = await newLicense()
    for (const path of ['actions/license-file', 'license-file']) {
      const file = await api.call<string>(
        'GET',
        `/api/licenses/${license.id}/${path}?fingerprint=box-1`,
        { headers: support },
      )
      expect(file.status, path).toBe(200)
      expect(file.body, path).toContain('-----BEGIN LICENSE FILE-----')
    }
  })
})
