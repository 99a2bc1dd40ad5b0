import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SignedKind, verifyLicenseFile, verifySignedAnswer, type TrustStore } from '../../src/sdk'
import type { License } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense, pinnedTrust } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

/**
 * The same client API answers alike through the API host and through Payload's router (the Next
 * app's path).
 */
describe('the client API on both hosts', () => {
  let booted: TestPayload
  let apiHost: ApiServer
  let router: ApiServer
  let trust: TrustStore
  let license: License

  beforeAll(async () => {
    booted = await bootPayload()
    apiHost = await serveApi(booted)
    router = await serveApi(booted, { clientApiVia: 'payload-router' })
    const { promonitor } = await createCatalogue(booted.payload)
    const acme = await createCustomer(booted.payload, 'Acme Industrial')
    license = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 2,
    })
    trust = await pinnedTrust(apiHost.call)
  })
  afterAll(async () => {
    await apiHost?.close()
    await router?.close()
    await booted?.shutdown()
  })

  it.each(['api host', 'payload router'])(
    'validates, activates and deactivates through the %s',
    async (host) => {
      const server = host === 'api host' ? apiHost : router
      const fingerprint = `fp-${host.replace(' ', '-')}`
      const post = (path: string, body: unknown) =>
        server.call('POST', `/api/v1/licenses/${path}`, { body })
      const activated = await post('activate', { key: license.key, fingerprint, nonce: host })
      expect(activated.body.code).toBe('ACTIVATED')
      await expect(
        verifyLicenseFile(activated.body.licenseFile, { trust, fingerprint }),
      ).resolves.toBeTruthy()
      const validated = await post('validate', { key: license.key, fingerprint, nonce: host })
      await expect(
        verifySignedAnswer(validated.body.signed, SignedKind.validation, { trust, nonce: host }),
      ).resolves.toMatchObject({ valid: true, code: 'VALID' })
      expect((await post('deactivate', { key: license.key, fingerprint })).body.code).toBe(
        'DEACTIVATED',
      )
      const bad = await post('validate', '{')
      expect(bad.status).toBe(400)
      expect(bad.body.code).toBe('BAD_REQUEST')
      expect((await server.call('GET', '/api/v1/keys')).body.keys).toHaveLength(1)
    },
  )
})
