import http from 'node:http'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { startRelay, type Relay } from '../../src/agent/relay/createRelay'
import { relayRecordOf } from '../../src/agent/relay/leases'
import { relayHeaders, signatureHeader, timeHeader } from '../../src/agent/relay/pairing'
import { readState } from '../../src/agent/state/stateFolder'
import { oddString } from '../helpers/oddInput'
import { runAgent } from './agentCli'
import { initLicensedAgent, startLicenseHub, type LicenseHub } from './licenseFixtures'

// Property: whatever a stranger or a broken node sends the master's relay (any method, path,
// headers, body, signature and time), it answers a 2xx or a 4xx, never a 5xx (the hub is up, so
// not even the 502 of an upstream failure); a request without a fresh signature made with the
// pairing secret is refused (401, or 400/404/413 before the signature is read) and takes no lease,
// nor a seat on the hub.

let hub: LicenseHub
let license: License
let master: { state: string; fingerprint: string }
let secret: string
let relay: Relay

// PROPERTY_RUNS=500 searches deeper; the default keeps the file well under a minute.
const runs = Number(process.env.PROPERTY_RUNS) || 150

type Answer = { status: number; text: string }

/** One raw HTTP request (any method token, any header the wire takes), on its own connection. */
const send = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(relay.url)
    const request = http.request(
      { hostname, port, path, method, agent: false, headers },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(body)
  })

const leasesAndSeats = async () => ({
  leases: Object.keys(relayRecordOf(await readState(master.state)).leases).sort(),
  seats: (
    await hub.payload.count({
      collection: 'activations',
      where: { license: { equals: license.id } },
    })
  ).totalDocs,
})

const fingerprint = fc.oneof(
  fc.constantFrom(
    'node-1',
    'constructor',
    'toString',
    '__proto__',
    'hasOwnProperty',
    'a'.repeat(300),
    '..',
    '.',
  ),
  fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/),
  oddString.filter((text) => text.length > 0).map(encodeURIComponent),
)

const path = fc.oneof(
  { weight: 4, arbitrary: fingerprint.map((value) => `/relay/v1/nodes/${value}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/relay/v1/keys',
      '/relay/v1/health',
      '/relay/v1/nodes/',
      '/relay/v1/nodes',
      '//relay/v1/keys',
      '/relay/v1/nodes/%E0%A4%A',
      '/relay/v1/nodes/%',
      '/relay/v1/nodes/a%2Fb',
      '/relay/v1/keys?x=1',
      '/relay/v1/../v1/keys',
      '/',
      '*',
    ),
  },
  { weight: 1, arbitrary: oddString.map((text) => `/relay/v1/${encodeURIComponent(text)}`) },
)

const method = fc.constantFrom(
  'GET',
  'PUT',
  'PUT',
  'PUT',
  'DELETE',
  'DELETE',
  'POST',
  'PATCH',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
)

/** Bodies: a node's request with good or odd fields, any JSON, odd text, past the 16 kB cap. */
const body = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .dictionary(
        fc.constantFrom('product', 'line', 'role', 'hostname', 'appVersion', '__proto__'),
        fc.oneof(
          fc.constantFrom<unknown>('promonitor', 'v7', 'V7', 'v6', 'slave', 'collector', 'master'),
          oddString,
          fc.jsonValue({ maxDepth: 2 }),
        ),
        { maxKeys: 5 },
      )
      .map((fields) => JSON.stringify(fields)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: oddString },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.nat({ max: 40_000 }).map((size) => 'x'.repeat(size)) },
)

/** Header values the wire carries (printable ASCII): the client's own headers, odd or not. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map(String.fromCharCode),
  maxLength: 60,
})

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'multipart/form-data; boundary=x',
)

/** Time headers: now, ten minutes off, in the future, not a number, huge, negative, empty. */
const time = fc.oneof(
  fc.constant(() => String(Date.now())),
  fc
    .integer({ min: -86_400_000, max: 86_400_000 })
    .map((offset) => () => String(Date.now() + offset)),
  fc
    .constantFrom('', 'NaN', '-1', '1e20', '99999999999999999', '0x10', ' 1', 'now')
    .map((text) => () => text),
  headerText.map((text) => () => text),
)

beforeAll(async () => {
  hub = await startLicenseHub()
  license = await hub.license({ maxClients: 3 })
  master = await initLicensedAgent(hub)
  expect(
    (await runAgent(master.state, ['license', 'activate', '--key', license.key!])).exitCode,
  ).toBe(0)
  const paired = await runAgent(master.state, ['relay', 'pair'])
  expect(paired.exitCode, paired.stdout).toBe(0)
  secret = paired.json.secret
  relay = await startRelay({
    stateDir: master.state,
    port: 0,
    host: '127.0.0.1',
    leaseTtlSeconds: 600,
  })
})
afterAll(async () => {
  await relay?.close()
  await hub?.close()
})

describe('the master relay under arbitrary requests', () => {
  it('unsigned, wrongly signed or stale requests get a 4xx (401 past the routing), never a 5xx, and take no lease nor seat', async () => {
    const before = await leasesAndSeats()
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        body,
        contentType,
        fc.oneof(
          fc.constant('none'),
          fc.constant('wrong secret'),
          fc.constant('another body'),
          fc.constant('another path'),
          fc.constant('stale'),
          fc.constant('odd'),
        ),
        time,
        headerText,
        async (verb, route, text, type, signing, timeOf, oddSignature) => {
          const headers: Record<string, string> = type ? { 'content-type': type } : {}
          const signed = (
            over: { method: string; path: string; body: string },
            with_ = secret,
            now = new Date(),
          ) => relayHeaders(with_, over, now)
          const request = { method: verb, path: route, body: text ?? '' }
          if (signing === 'wrong secret')
            Object.assign(headers, signed(request, 'not-the-pairing-secret'))
          if (signing === 'another body')
            Object.assign(headers, signed({ ...request, body: `${request.body} ` }))
          if (signing === 'another path')
            Object.assign(headers, signed({ ...request, path: `${route}x` }))
          if (signing === 'stale')
            Object.assign(headers, signed(request, secret, new Date(Date.now() - 6 * 60_000)))
          if (signing === 'odd')
            Object.assign(headers, { [timeHeader]: timeOf(), [signatureHeader]: oddSignature })
          const answer = await send(verb, route, headers, text)
          const context = `${signing} ${verb} ${route} ${String(text).slice(0, 120)}: ${answer.status} ${answer.text.slice(0, 200)}`
          expect(answer.status, context).toBeLessThan(500)
          expect(answer.text, context).not.toMatch(/\n\s+at /)
          // HEAD is GET without the body (express answers it with the GET route).
          const isHealth = (verb === 'GET' || verb === 'HEAD') && route === '/relay/v1/health'
          const isPairedRoute =
            (verb === 'GET' && /^\/relay\/v1\/keys(\?|$)/.test(route)) ||
            ((verb === 'PUT' || verb === 'DELETE') && /^\/relay\/v1\/nodes\/[^/?]+$/.test(route))
          if (!isHealth) expect(answer.status, context).toBeGreaterThanOrEqual(400)
          if (isPairedRoute && answer.status !== 413 && answer.status !== 400)
            expect(answer.status, context).toBe(401)
        },
      ),
      { numRuns: runs },
    )
    expect(await leasesAndSeats()).toEqual(before)
  })

  it('requests signed with the pairing secret and odd paths or bodies get a 2xx or a 4xx, never a 5xx; a refused one takes no lease nor seat, and a release of a node that holds no lease is 404', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('PUT', 'PUT', 'DELETE', 'GET'),
        fingerprint,
        body,
        contentType,
        async (verb, node, text, type) => {
          const route = `/relay/v1/nodes/${node}`
          const before = await leasesAndSeats()
          const headers = {
            ...(type ? { 'content-type': type } : {}),
            ...relayHeaders(secret, { method: verb, path: route, body: text ?? '' }),
          }
          const answer = await send(verb, route, headers, text)
          const context = `${verb} ${route} ${String(text).slice(0, 120)}: ${answer.status} ${answer.text.slice(0, 200)}`
          expect(answer.status, context).toBeLessThan(500)
          expect(answer.text, context).not.toMatch(/\n\s+at /)
          if (answer.status >= 400) {
            expect(await leasesAndSeats(), context).toEqual(before)
          }
          if (verb === 'DELETE' && answer.status !== 413 && answer.status !== 400) {
            const decoded = (() => {
              try {
                return decodeURIComponent(node)
              } catch {
                return node
              }
            })()
            expect(answer.status, context).toBe(before.leases.includes(decoded) ? 204 : 404)
          }
          if (answer.status === 201 || answer.status === 202) {
            const decoded = decodeURIComponent(node)
            expect((await leasesAndSeats()).leases, context).toContain(decoded)
          }
        },
      ),
      {
        numRuns: Math.round(runs / 1.5),
        // Names every object has: no lease of these was ever taken.
        examples: [
          ['DELETE', 'constructor', undefined, undefined],
          ['PUT', '__proto__', JSON.stringify({ product: 'promonitor', line: 'v7' }), undefined],
          ['DELETE', '__proto__', undefined, undefined],
        ],
      },
    )
  })
})
