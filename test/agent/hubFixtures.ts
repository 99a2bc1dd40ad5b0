import { mkdtempSync, writeFileSync } from 'node:fs'
import { chmod, mkdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { create as createTar } from 'tar'

import type { Artifact, Product, Release } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createLicense, createProduct, createRelease } from '../helpers/fixtures'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'
import { makeTempDir } from '../helpers/tempDir'

/**
 * A real `.tar.gz` package holding `VERSION` and a small program, `padding` bytes of noise to make
 * it bigger.
 */
export const tarGzPackage = async (
  product: string,
  version: string,
  padding = 0,
): Promise<Buffer> => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hub-package-'))
  await mkdir(path.join(folder, 'bin'))
  writeFileSync(path.join(folder, 'VERSION'), `${product} ${version}\n`)
  writeFileSync(path.join(folder, 'bin', product), `#!/bin/sh\necho ${product} ${version}\n`)
  await chmod(path.join(folder, 'bin', product), 0o755)
  const files = ['VERSION', 'bin']
  if (padding > 0) {
    // Incompressible, so the package really is this large on the wire.
    writeFileSync(
      path.join(folder, 'padding.bin'),
      (await import('node:crypto')).randomBytes(padding),
    )
    files.push('padding.bin')
  }
  const archive = path.join(folder, 'package.tar.gz')
  await createTar({ gzip: true, cwd: folder, file: archive, portable: true }, files)
  return readFile(archive)
}

export const uploadPackage = async (
  payload: Payload,
  release: Release,
  platform: string,
  data: Buffer,
): Promise<Artifact> =>
  payload.create({
    collection: 'artifacts',
    data: { release: release.id, platform },
    file: {
      data,
      mimetype: 'application/gzip',
      name: `${release.version}-${platform}-${release.id}.tar.gz`,
      size: data.length,
    },
  })

export type Hub = {
  booted: TestPayload
  payload: Payload
  api: TestApiHost
  promonitor: Product
  collector: Product
  appKey: string
  collectorKey: string
  /** Publishes a release of `product` 'v7' with a `.tar.gz` for linux-x64. */
  ship: (
    product: Product,
    version: string,
    fields?: Partial<Release>,
    padding?: number,
  ) => Promise<{ release: Release; artifact: Artifact }>
  close: () => Promise<void>
}

/**
 * A real hub (Payload on a fresh database, the API host on HTTP) with ProMonitor, its collector and
 * a customer's licenses for both.
 */
export const startHub = async (): Promise<Hub> => {
  const booted = await bootPayload()
  const { payload } = booted
  const api = await startApiHost(booted)
  const promonitor = await createProduct(payload, 'promonitor', { name: 'ProMonitor' })
  const collector = await createProduct(payload, 'collector', { name: 'Collector' })
  const customer = await createCustomer(payload, 'Acme')
  const appLicense = await createLicense(payload, { customer, product: promonitor })
  const collectorLicense = await createLicense(payload, { customer, product: collector })
  return {
    booted,
    payload,
    api,
    promonitor,
    collector,
    appKey: appLicense.key!,
    collectorKey: collectorLicense.key!,
    ship: async (product, version, fields = {}, padding = 0) => {
      const release = await createRelease(payload, { product, version, ...fields } as never)
      const artifact = await uploadPackage(
        payload,
        release,
        'linux-x64',
        await tarGzPackage(product.slug, version, padding),
      )
      return { release, artifact }
    },
    close: async () => {
      await api.close()
      await booted.shutdown()
    },
  }
}

/** A fresh state folder, and a folder for installers to write into. */
/** `hub-agent init` for ProMonitor 7.2.0 on the V7 line (linux-x64), licensed by the hub's app key. */
export const initAppArgs = (hub: Hub, installerCommand: string): string[] => [
  'init',
  '--server',
  hub.api.url,
  '--product',
  'promonitor',
  '--line',
  'v7',
  '--platform',
  'linux-x64',
  '--version',
  '7.2.0',
  '--installer-command',
  installerCommand,
  '--license-key',
  hub.appKey,
]

export const agentFolders = () => ({
  state: makeTempDir('hub-agent-state-'),
  work: makeTempDir('hub-agent-work-'),
})

/**
 * An installer command that records what it was handed (its environment and the file's bytes
 * hash) in `<log>` as one JSON line per run; it fails when `<fail>` exists.
 */
export const recordingInstaller = (
  work: string,
  name: string,
): { command: string; log: string; failFlag: string } => {
  const log = path.join(work, `${name}.log`)
  const failFlag = path.join(work, `${name}.fail`)
  const script = path.join(work, `${name}.mjs`)
  writeFileSync(
    script,
    `import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
if (existsSync(${JSON.stringify(failFlag)})) { console.error('setup failed on purpose'); process.exit(3) }
const env = process.env
appendFileSync(${JSON.stringify(log)}, JSON.stringify({ file: env.HUB_AGENT_FILE, target: env.HUB_AGENT_TARGET, product: env.HUB_AGENT_PRODUCT, version: env.HUB_AGENT_VERSION, sha256: env.HUB_AGENT_SHA256, actual: createHash('sha256').update(readFileSync(env.HUB_AGENT_FILE)).digest('hex') }) + '\\n')
`,
  )
  return { command: `${JSON.stringify(process.execPath)} ${JSON.stringify(script)}`, log, failFlag }
}

export const readInstallLog = async (log: string): Promise<Array<Record<string, string>>> => {
  try {
    return (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  } catch {
    return []
  }
}
