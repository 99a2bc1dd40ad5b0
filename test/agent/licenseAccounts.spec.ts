import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Customer } from '../../payload-types'
import { createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { runAgent, spawnAgent } from './agentCli'
import {
  initLicensedAgent,
  offlineServer,
  setAgentServer,
  startLicenseHub,
  stateFolderText,
  type LicenseHub,
} from './licenseFixtures'

let hub: LicenseHub
let globex: Customer
let initech: Customer
const apiKey = 'alice-api-key-0001-agent'

beforeAll(async () => {
  hub = await startLicenseHub()
  globex = await createCustomer(hub.payload, 'Globex')
  initech = await createCustomer(hub.payload, 'Initech')
  await createCustomerAccount(hub.payload, 'alice@acme.example', [hub.acme.id, globex.id], apiKey)
})
afterAll(async () => {
  await hub?.close()
})

describe('master login: license login / license choose', () => {
  it("lists the account's companies, loads the chosen company's license, and keeps the API key only sealed", async () => {
    const license = await hub.license({ customer: globex.id } as never)
    const { state, fingerprint } = await initLicensedAgent(hub)
    const login = await runAgent(state, ['license', 'login', '--api-key', apiKey])
    expect(login.exitCode, login.stdout).toBe(0)
    expect(login.json).toEqual({
      companies: [
        { id: hub.acme.id, name: 'Acme' },
        { id: globex.id, name: 'Globex' },
      ],
    })
    expect(stateFolderText(state)).not.toContain(apiKey)

    const chosen = await runAgent(state, ['license', 'choose', '--company', String(globex.id)])
    expect(chosen.exitCode, chosen.stdout).toBe(0)
    expect(chosen.json).toMatchObject({
      state: 'valid',
      fingerprint,
      license: { licenseId: String(license.id), customer: { name: 'Globex' } },
    })
    const text = stateFolderText(state)
    expect(text).not.toContain(apiKey)
    expect(text).not.toContain(license.key)
    // The choice is made: the API key is forgotten, a second choice needs a new login.
    const again = await runAgent(state, ['license', 'choose', '--company', String(globex.id)])
    expect(again.exitCode).toBe(2)
    expect(again.json.code).toBe('LOGIN_REQUIRED')
  })

  it('refuses a company the account is not linked to (FORBIDDEN) and a bad key (UNAUTHORIZED)', async () => {
    await hub.license({ customer: initech.id } as never)
    const { state } = await initLicensedAgent(hub)
    expect((await runAgent(state, ['license', 'login', '--api-key', apiKey])).exitCode).toBe(0)
    const refused = await runAgent(state, ['license', 'choose', '--company', String(initech.id)])
    expect(refused.exitCode).toBe(2)
    expect(refused.json.code).toBe('FORBIDDEN')
    expect((await runAgent(state, ['license', 'status'])).json.state).toBe('unlicensed')

    const badKey = await runAgent(state, ['license', 'login', '--api-key', 'not-a-key-at-all'])
    expect(badKey.exitCode).toBe(2)
    expect(badKey.json.code).toBe('UNAUTHORIZED')
  })
})

describe('license trial (the DataDog trial button)', () => {
  it('starts a trial activated at once; the server mails the key; a second trial is TRIAL_EXISTS', async () => {
    const { state, fingerprint } = await initLicensedAgent(hub)
    const email = `dana-${Date.now()}@newco.example`
    const trial = await runAgent(state, ['license', 'trial', '--email', email])
    expect(trial.exitCode, trial.stdout).toBe(0)
    expect(trial.json).toMatchObject({
      state: 'trial',
      fingerprint,
      daysLeft: 30,
      license: { type: 'trial', product: 'promonitor', fingerprint },
    })
    const activations = await hub.payload.find({
      collection: 'activations',
      where: { fingerprint: { equals: fingerprint } },
    })
    expect(activations.totalDocs).toBe(1)
    const mails = await hub.payload.find({ collection: 'outbox', where: { to: { equals: email } } })
    expect(mails.totalDocs).toBe(1)

    const other = await initLicensedAgent(hub)
    const second = await runAgent(other.state, ['license', 'trial', '--email', email])
    expect(second.exitCode).toBe(2)
    expect(second.json.code).toBe('TRIAL_EXISTS')
  })
})

/**
 * A proxy in front of the hub that forwards every request, and for the first `dropAnswers` uses
 * lets the server count them but cuts the connection before the answer reaches the agent.
 */
const startAnswerDroppingProxy = async (
  upstream: string,
  dropAnswers: number,
  { hang = false }: { hang?: boolean } = {},
) => {
  let dropped = 0
  const usageBodies: string[] = []
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk) => chunks.push(chunk))
    incoming.on('end', () => {
      const body = Buffer.concat(chunks)
      if (incoming.url === '/api/v1/usage') usageBodies.push(body.toString('utf8'))
      const target = new URL(incoming.url ?? '/', upstream)
      const forwarded = httpRequest(
        target,
        { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
        (answer) => {
          const answerChunks: Buffer[] = []
          answer.on('data', (chunk) => answerChunks.push(chunk))
          answer.on('end', () => {
            if (incoming.url === '/api/v1/usage' && dropped < dropAnswers) {
              dropped += 1
              // Counted on the server; the agent hears nothing (hang) or a cut connection.
              if (!hang) outgoing.socket?.destroy()
              return
            }
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
            outgoing.end(Buffer.concat(answerChunks))
          })
        },
      )
      forwarded.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    usageBodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('license usage (on-usage licenses)', () => {
  const creditsOf = async (id: number) =>
    (await hub.payload.findByID({ collection: 'licenses', id, depth: 0 })).credits
  const recordsOf = async (id: number) =>
    (await hub.payload.count({ collection: 'usage-records', where: { license: { equals: id } } }))
      .totalDocs

  it('counts a use once when its answer was lost: the retry carries the same persisted key', async () => {
    const license = await hub.license({ type: 'on-usage', credits: 20 })
    const { state } = await initLicensedAgent(hub)
    expect((await runAgent(state, ['license', 'activate', '--key', license.key!])).exitCode).toBe(0)
    const proxy = await startAnswerDroppingProxy(hub.api.url, 1)
    try {
      setAgentServer(state, proxy.url)
      const use = await runAgent(state, ['license', 'usage', '--quantity', '3'])
      expect(use.exitCode, use.stdout + use.stderr).toBe(0)
      expect(use.json).toMatchObject({
        use: { code: 'RECORDED', quantity: 3, remaining: 17, replayed: true },
        license: { state: 'valid', credits: 17, pendingUses: 0 },
      })
      expect(proxy.usageBodies).toHaveLength(2)
      const keys = proxy.usageBodies.map((body) => JSON.parse(body).idempotencyKey)
      expect(keys[0]).toBe(keys[1])
    } finally {
      await proxy.close()
    }
    expect(await creditsOf(license.id)).toBe(17)
    expect(await recordsOf(license.id)).toBe(1)

    // The same key again (the app retrying after a crash) answers the first decision.
    setAgentServer(state, hub.api.url)
    const id = 'app-use-000000001'
    const first = await runAgent(state, ['license', 'usage', '--quantity', '2', '--id', id])
    const repeated = await runAgent(state, ['license', 'usage', '--quantity', '2', '--id', id])
    expect(first.json.use).toMatchObject({ code: 'RECORDED', remaining: 15 })
    expect(repeated.json.use).toMatchObject({ code: 'RECORDED', remaining: 15 })
    expect(await creditsOf(license.id)).toBe(15)
    expect(await recordsOf(license.id)).toBe(2)
  })

  it('counts a use once when the agent was killed while waiting for its answer: the persisted key is sent again', async () => {
    const license = await hub.license({ type: 'on-usage', credits: 20 })
    const { state } = await initLicensedAgent(hub)
    expect((await runAgent(state, ['license', 'activate', '--key', license.key!])).exitCode).toBe(0)
    const proxy = await startAnswerDroppingProxy(hub.api.url, 1, { hang: true })
    try {
      setAgentServer(state, proxy.url)
      const child = await spawnAgent(state, ['license', 'usage', '--quantity', '3'])
      await expect.poll(() => recordsOf(license.id), { timeout: 20_000 }).toBe(1)
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    } finally {
      await proxy.close()
    }
    expect((await runAgent(state, ['license', 'status'])).json.pendingUses).toBe(1)

    setAgentServer(state, hub.api.url)
    const next = await runAgent(state, ['license', 'usage', '--quantity', '1'])
    expect(next.exitCode, next.stdout).toBe(0)
    expect(next.json.license).toMatchObject({ credits: 16, pendingUses: 0 })
    expect(await creditsOf(license.id)).toBe(16)
    expect(await recordsOf(license.id)).toBe(2)
  })

  it('says NETWORK_REQUIRED offline, keeps the use, and sends it once when the server answers', async () => {
    const license = await hub.license({ type: 'on-usage', credits: 20 })
    const { state } = await initLicensedAgent(hub)
    expect((await runAgent(state, ['license', 'activate', '--key', license.key!])).exitCode).toBe(0)
    setAgentServer(state, offlineServer)
    const offline = await runAgent(state, [
      'license',
      'usage',
      '--quantity',
      '4',
      '--id',
      'kept-use-0001',
    ])
    expect(offline.exitCode).toBe(2)
    expect(offline.json).toMatchObject({
      code: 'NETWORK_REQUIRED',
      idempotencyKey: 'kept-use-0001',
    })
    expect((await runAgent(state, ['license', 'status'])).json.pendingUses).toBe(1)

    setAgentServer(state, hub.api.url)
    const next = await runAgent(state, ['license', 'usage', '--quantity', '1'])
    expect(next.exitCode, next.stdout).toBe(0)
    expect(next.json.license).toMatchObject({ credits: 15, pendingUses: 0 })
    expect(await creditsOf(license.id)).toBe(15)
    expect(await recordsOf(license.id)).toBe(2)
  })

  it('stops at NO_CREDIT: no-credit state, later uses refused without asking, until a check shows credits', async () => {
    const license = await hub.license({ type: 'on-usage', credits: 10 })
    const { state } = await initLicensedAgent(hub)
    expect((await runAgent(state, ['license', 'activate', '--key', license.key!])).exitCode).toBe(0)
    expect(
      (await runAgent(state, ['license', 'usage', '--quantity', '9'])).json.use.remaining,
    ).toBe(1)
    const tooMuch = await runAgent(state, ['license', 'usage', '--quantity', '5'])
    expect(tooMuch.exitCode).toBe(2)
    expect(tooMuch.json).toMatchObject({
      code: 'NO_CREDIT',
      use: { code: 'NO_CREDIT', remaining: 1 },
      license: { state: 'no-credit' },
    })
    const refused = await runAgent(state, ['license', 'usage', '--quantity', '1'])
    expect(refused.exitCode).toBe(2)
    expect(refused.json.code).toBe('NO_CREDIT')
    expect(await recordsOf(license.id)).toBe(1)
    expect(await creditsOf(license.id)).toBe(1)

    await hub.payload.update({ collection: 'licenses', id: license.id, data: { credits: 30 } })
    expect((await runAgent(state, ['license', 'check'])).json).toMatchObject({
      state: 'valid',
      credits: 30,
    })
    const last = await runAgent(state, ['license', 'usage', '--quantity', '30'])
    expect(last.json).toMatchObject({
      use: { code: 'RECORDED', remaining: 0 },
      license: { state: 'no-credit' },
    })
    const { notifications } = (await runAgent(state, ['license', 'status'])).json
    expect(notifications.map((notification: { type: string }) => notification.type)).toEqual([
      'license-changed',
      'credit-low',
      'license-changed',
      'license-changed',
      'license-changed',
      'credit-exhausted',
    ])
  })

  it('refuses a use of a license that is not on-usage (NOT_METERED)', async () => {
    const license = await hub.license()
    const { state } = await initLicensedAgent(hub)
    expect((await runAgent(state, ['license', 'activate', '--key', license.key!])).exitCode).toBe(0)
    const answer = await runAgent(state, ['license', 'usage', '--quantity', '1'])
    expect(answer.exitCode).toBe(2)
    expect(answer.json.code).toBe('NOT_METERED')
  })
})
