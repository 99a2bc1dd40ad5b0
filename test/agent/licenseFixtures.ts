import { generateKeyPairSync } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Customer, License, Product } from '../../payload-types'
import { signJws } from '../../plugins/signing'
import { signWithKey } from '../../plugins/signing/signJws'
import { addDays } from '../../src/lib/time'
import { SignedKind, type LicenseFileClaims } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense } from '../helpers/fixtures'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'
import { makeTempDir } from '../helpers/tempDir'
import { runAgent } from './agentCli'

export type LicenseHub = {
  booted: TestPayload
  payload: Payload
  api: TestApiHost
  promonitor: Product
  collector: Product
  acme: Customer
  /** A license of ProMonitor V7 for Acme (two seats, 100 days left) unless `terms` say otherwise. */
  license: (terms?: Partial<License>) => Promise<License>
  close: () => Promise<void>
}

/**
 * A real hub (Payload on a fresh database, the API host on HTTP) with ProMonitor and its
 * collector. License files are valid 400 days (never past the license's end), so a clock moved
 * ahead by weeks still reads them.
 */
export const startLicenseHub = async (env: Record<string, string> = {}): Promise<LicenseHub> => {
  const booted = await bootPayload({ LICENSE_FILE_DAYS: '400', ...env })
  const { payload } = booted
  const api = await startApiHost(booted)
  const { promonitor, collector } = await createCatalogue(payload)
  const acme = await createCustomer(payload, 'Acme')
  return {
    booted,
    payload,
    api,
    promonitor,
    collector,
    acme,
    license: (terms = {}) =>
      createLicense(payload, {
        customer: acme,
        product: promonitor,
        modules: ['reporting', 'sla'],
        ...terms,
      }),
    close: async () => {
      await api.close()
      await booted.shutdown()
    },
  }
}

/** `hub-agent init` of ProMonitor 7.2.0 (V7) in a fresh state folder; returns it. */
export const initLicensedAgent = async (hub: { api: { url: string } }, server = hub.api.url) => {
  const state = makeTempDir('hub-agent-license-')
  const init = await runAgent(state, [
    'init',
    '--server',
    server,
    '--product',
    'promonitor',
    '--line',
    'v7',
    '--platform',
    'linux-x64',
    '--version',
    '7.2.0',
    '--install-root',
    path.join(state, 'install'),
  ])
  if (init.exitCode !== 0) throw new Error(`init failed: ${init.stdout}${init.stderr}`)
  const status = await runAgent(state, ['license', 'status'])
  return { state, fingerprint: String(status.json.fingerprint) }
}

/** Points the agent at another server address (a closed port: offline). */
export const setAgentServer = (state: string, server: string): void => {
  const file = path.join(state, 'agent.json')
  const config = JSON.parse(readFileSync(file, 'utf8'))
  config.server = server
  // Written in place: the agent reads it afresh on every command.
  writeFileSync(file, JSON.stringify(config, null, 2))
}

/** An address nothing listens on. */
export const offlineServer = 'http://127.0.0.1:9'

/** Every byte the agent wrote in its state folder, as text (to look for a key in clear). */
export const stateFolderText = (state: string): string =>
  readdirSync(state, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
    .join('\n')

const day = 24 * 60 * 60

/** License file claims for ProMonitor V7 bound to `fingerprint`, a year long, issued now. */
export const fileClaims = (
  fingerprint: string | null,
  overrides: Partial<LicenseFileClaims> = {},
  now = new Date(),
): LicenseFileClaims => {
  const seconds = Math.floor(now.getTime() / 1000)
  return {
    licenseId: '9001',
    key: 'PMON-OFFLINE-KEY-0001',
    customer: { id: '1', name: 'Acme' },
    product: 'promonitor',
    line: 'v7',
    type: 'subscription',
    modules: ['reporting'],
    maxClients: 1,
    maxUsers: 5,
    fingerprint,
    startsAt: addDays(now, -10).toISOString(),
    expiresAt: addDays(now, 365).toISOString(),
    iat: seconds,
    exp: seconds + 365 * day,
    ...overrides,
  }
}

/** A license file the server's key signs (what support hands out for an offline site). */
export const signedFile = (payload: Payload, claims: LicenseFileClaims): Promise<string> =>
  signJws(payload, SignedKind.license, claims)

/** The same claims signed by a key nobody pinned. */
export const strangerFile = (claims: LicenseFileClaims): string =>
  signWithKey(
    {
      kid: 'stranger',
      privateKey: generateKeyPairSync('ed25519').privateKey,
      publicJwk: {} as never,
    },
    SignedKind.license,
    claims,
  )

/** A signed file whose payload was changed afterwards (more seats), its signature kept. */
export const tamperedFile = (jws: string): string => {
  const [header, body, signature] = jws.split('.')
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  claims.maxClients = 99
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
}
