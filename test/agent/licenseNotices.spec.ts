import { setTimeout as sleep } from 'node:timers/promises'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AgentContext } from '../../src/agent/context'
import { loadLicenseFile } from '../../src/agent/license/checkLicense'
import { readLicenseStatus } from '../../src/agent/license/licenseRecord'
import { reviewStoredLicense, startLicenseChecks } from '../../src/agent/license/regularChecks'
import { addDays } from '../../src/lib/time'
import { runAgent } from './agentCli'
import { collectEvents, startDaemonProcess } from './daemonHarness'
import {
  fileClaims,
  initLicensedAgent,
  signedFile,
  startLicenseHub,
  type LicenseHub,
} from './licenseFixtures'

let hub: LicenseHub

beforeAll(async () => {
  hub = await startLicenseHub()
})
afterAll(async () => {
  await hub?.close()
})

const hour = 60 * 60 * 1000
const day = 24 * hour

/** An agent on a clock the test moves (the SDK's `now`), with a file ending at `expiresAt`. */
const agentOnClock = async (expiresAt: Date) => {
  const { state, fingerprint } = await initLicensedAgent(hub)
  let now = new Date()
  const context: AgentContext = { stateDir: state, now: () => now }
  const file = async (end: Date, licenseId = '9001') =>
    signedFile(
      hub.payload,
      fileClaims(fingerprint, {
        licenseId,
        expiresAt: end.toISOString(),
        exp: Math.floor(end.getTime() / 1000),
      }),
    )
  const loaded = await loadLicenseFile(context, await file(expiresAt))
  return {
    context,
    loaded,
    file,
    /** Moves the clock to `when` and looks at the stored file again (the daemon's hourly review). */
    at: async (when: Date) => {
      now = when
      return reviewStoredLicense(context)
    },
  }
}

const warnings = (notifications: Array<{ type: string; daysLeft?: number }>) =>
  notifications
    .filter((notification) => notification.type.startsWith('license-exp'))
    .map((notification) =>
      notification.type === 'license-expiring' ? notification.daysLeft : 'expired',
    )

describe('expiry notifications (from the verified license, offline too)', () => {
  it('warns at 30, 15, 5, 3 and 1 days left, each once per expiry date, then license-expired', async () => {
    const expiresAt = addDays(new Date(), 40)
    const agent = await agentOnClock(expiresAt)
    expect(agent.loaded).toMatchObject({ state: 'valid', daysLeft: 40 })
    const before = (days: number, hours = 1) =>
      new Date(expiresAt.getTime() - days * day + hours * hour)

    expect((await agent.at(before(31))).daysLeft).toBe(31)
    expect(warnings((await agent.at(before(31))).notifications)).toEqual([])
    const at30 = await agent.at(before(30))
    expect(at30).toMatchObject({ state: 'expiring', daysLeft: 30 })
    expect(at30.notifications).toContainEqual(
      expect.objectContaining({ type: 'license-changed', from: 'valid', to: 'expiring' }),
    )
    await agent.at(before(30, 5))
    await agent.at(before(20))
    for (const days of [15, 5, 3, 2, 1]) await agent.at(before(days))
    expect(warnings((await agent.at(before(1, 12))).notifications)).toEqual([30, 15, 5, 3, 1])

    const after = await agent.at(new Date(expiresAt.getTime() + hour))
    expect(after).toMatchObject({ state: 'expired', daysLeft: 0 })
    await agent.at(new Date(expiresAt.getTime() + 2 * day))
    const { notifications } = await readLicenseStatus(agent.context)
    expect(warnings(notifications)).toEqual([30, 15, 5, 3, 1, 'expired'])
    expect(notifications.filter((notification) => notification.type === 'license-changed')).toEqual(
      [
        expect.objectContaining({ from: 'unlicensed', to: 'valid' }),
        expect.objectContaining({ from: 'valid', to: 'expiring' }),
        expect.objectContaining({ from: 'expiring', to: 'expired' }),
      ],
    )
  })

  it('gives only the nearest warning after the app was off, and warns again after a renewal', async () => {
    const expiresAt = addDays(new Date(), 40)
    const agent = await agentOnClock(expiresAt)
    await agent.at(new Date(expiresAt.getTime() - 4 * day + hour))
    expect(warnings((await readLicenseStatus(agent.context)).notifications)).toEqual([4])

    const renewed = addDays(expiresAt, 365)
    const loaded = await loadLicenseFile(agent.context, await agent.file(renewed))
    expect(loaded).toMatchObject({ state: 'valid', daysLeft: 369 })
    await agent.at(new Date(renewed.getTime() - 30 * day + hour))
    expect(warnings((await readLicenseStatus(agent.context)).notifications)).toEqual([4, 30])
  })

  it('refuses a license file when the clock was set back (CLOCK_SET_BACK)', async () => {
    const expiresAt = addDays(new Date(), 40)
    const agent = await agentOnClock(expiresAt)
    await agent.at(addDays(new Date(), 10))
    const text = await agent.file(addDays(new Date(), 300), '9002')
    agent.context.now = () => new Date()
    await expect(loadLicenseFile(agent.context, text)).rejects.toMatchObject({
      code: 'CLOCK_SET_BACK',
    })
  })
})

describe('the daemon: license checks at start and daily, routes, events', () => {
  it('checks online at start, then again once a day has passed on its clock, looking at the file in between', async () => {
    const license = await hub.license()
    const { state } = await initLicensedAgent(hub)
    expect((await runAgent(state, ['license', 'activate', '--key', license.key!])).exitCode).toBe(0)
    let now = new Date(Date.now() + hour)
    const context: AgentContext = { stateDir: state, now: () => now }
    const checks = startLicenseChecks(context, { reviewIntervalMs: 100 })
    const lastCheck = async () => (await readLicenseStatus(context)).lastCheckAt
    try {
      await expect.poll(lastCheck, { timeout: 20_000 }).toBe(now.toISOString())
      const first = now.toISOString()
      now = new Date(now.getTime() + 23 * hour)
      await sleep(600)
      expect(await lastCheck()).toBe(first)
      now = new Date(now.getTime() + 2 * hour)
      await expect.poll(lastCheck, { timeout: 20_000 }).toBe(now.toISOString())
    } finally {
      await checks.stop()
    }
  })

  it('answers the license routes and streams the license state and notifications', async () => {
    const license = await hub.license({ expiresAt: addDays(new Date(), 12).toISOString() })
    const { state } = await initLicensedAgent(hub)
    const daemon = await startDaemonProcess(state)
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${daemon.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${daemon.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as Record<string, any> }
    }
    try {
      expect((await call('GET', '/license')).body).toMatchObject({ state: 'unlicensed' })
      const events = collectEvents(
        daemon.url,
        daemon.token,
        (seen) => seen.some((event) => event.data.notification?.type === 'license-expiring'),
        30_000,
      )
      await sleep(200)
      const activated = await call('POST', '/license/activate', { key: license.key })
      expect(activated.status).toBe(200)
      expect(activated.body).toMatchObject({ state: 'expiring', daysLeft: 12 })
      const streamed = await events
      expect(streamed).toContainEqual(
        expect.objectContaining({
          event: 'license',
          data: expect.objectContaining({
            license: expect.objectContaining({ state: 'expiring' }),
          }),
        }),
      )
      expect(streamed).toContainEqual(
        expect.objectContaining({
          event: 'notification',
          data: expect.objectContaining({
            notification: expect.objectContaining({ type: 'license-expiring', daysLeft: 12 }),
          }),
        }),
      )

      const refused = await call('POST', '/license/load-file', { licenseFile: 'garbage' })
      expect(refused.status).toBe(409)
      expect(refused.body.code).toBe('MALFORMED')
      const bad = await call('POST', '/license/usage', { quantity: 0 })
      expect(bad.status).toBe(400)
      expect(bad.body.code).toBe('BAD_REQUEST')
      const checked = await call('POST', '/license/check')
      expect(checked.status).toBe(200)
      expect(checked.body).toMatchObject({ state: 'expiring', code: 'VALID' })
    } finally {
      await daemon.stop()
    }
  })
})
