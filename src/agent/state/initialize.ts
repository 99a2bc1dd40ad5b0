import { readFile } from 'node:fs/promises'

import type { JWK } from 'jose'

import { TrustStore } from '../../sdk'
import { AgentError, badRequest } from '../errors'
import { seal } from '../license/sealedSecrets'
import { fetchMasterKeys } from '../relay/nodeClient'
import { fetchKeys } from '../update/serverClient'
import { defaultSettings } from './settings'
import { updateState, writeConfig } from './stateFolder'
import { appTarget } from './targets'
import type { AgentConfig, Installer } from './types'

export type InstallerOptions = { installerCommand?: string; installRoot?: string }

const slug = /^[a-z][a-z0-9-]{0,39}$/
const platformPattern = /^[a-z0-9]+-[a-z0-9_]+$/

/** `--installer-command CMD` or `--install-root DIR`: exactly one. */
export const installerOf = ({ installerCommand, installRoot }: InstallerOptions): Installer => {
  if (installerCommand && installRoot)
    throw badRequest('Give --installer-command or --install-root, not both')
  if (installerCommand) return { type: 'command', command: installerCommand }
  if (installRoot) return { type: 'directory', root: installRoot }
  throw badRequest('Give an installer: --installer-command CMD or --install-root DIR')
}

export const assertTargetFields = ({
  line,
  platform,
  version,
}: {
  line: string
  platform: string
  version: string
}): void => {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(line)) throw badRequest(`Not a line: ${line}`)
  if (!platformPattern.test(platform))
    throw badRequest(`Not a platform such as linux-x64: ${platform}`)
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version))
    throw badRequest(`Not a version: ${version}`)
}

const readTrustFile = async (file: string): Promise<JWK[]> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw badRequest(`--trust ${file} is not a readable JWKS file: ${(error as Error).message}`)
  }
  const keys = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown })?.keys
  if (!Array.isArray(keys) || keys.length === 0) throw badRequest(`--trust ${file} holds no keys`)
  return keys as JWK[]
}

export type InitOptions = InstallerOptions & {
  server?: string
  /** A slave or collector: its master's relay instead of the server, paired with this secret. */
  master?: string
  pairingSecret?: string
  product: string
  line: string
  platform: string
  version: string
  channel?: string
  trust?: string
  licenseKey?: string
}

/**
 * `init`: writes agent.json for the app, pinning the server's JWKS (trust on first use) or the one
 * given with --trust. Running it again keeps the collectors and settings and re-pins the trust.
 */
export const initialize = async (stateDir: string, options: InitOptions): Promise<AgentConfig> => {
  if (Boolean(options.server) === Boolean(options.master))
    throw badRequest('Give the server (--server URL) or the master (--master URL), one of them')
  if (options.master && !options.pairingSecret)
    throw badRequest('A node needs the pairing secret of its master (--pairing-secret S)')
  const address = (options.server ?? options.master)!
  let server: URL
  try {
    server = new URL(address)
  } catch {
    throw badRequest(`Not a URL: ${address}`)
  }
  if (!['http:', 'https:'].includes(server.protocol))
    throw badRequest('The server URL must be http or https')
  if (!slug.test(options.product)) throw badRequest(`Not a product: ${options.product}`)
  assertTargetFields(options)
  const installer = installerOf(options)
  const keys = options.trust
    ? await readTrustFile(options.trust)
    : options.master
      ? await fetchMasterKeys(server.origin, options.pairingSecret!)
      : (await fetchKeys(server.origin)).keys
  try {
    new TrustStore(keys)
  } catch (error) {
    throw new AgentError(
      'MALFORMED',
      `The keys to pin are not Ed25519 public keys: ${(error as Error).message}`,
    )
  }

  let previous: AgentConfig | null = null
  try {
    previous = JSON.parse(await readFile(`${stateDir}/agent.json`, 'utf8')) as AgentConfig
  } catch {
    previous = null
  }
  const config: AgentConfig = {
    server: server.origin,
    ...(options.master
      ? {
          master: {
            url: server.origin,
            sealedSecret: await seal(stateDir, options.pairingSecret!),
          },
        }
      : {}),
    app: {
      target: appTarget,
      product: options.product,
      line: options.line,
      platform: options.platform,
      version: options.version,
      installer,
      ...(options.licenseKey ? { licenseKey: options.licenseKey } : {}),
    },
    collectors: previous?.collectors ?? [],
    settings: {
      ...defaultSettings,
      ...previous?.settings,
      ...(options.channel ? { channel: options.channel } : {}),
    },
    trust: { keys, statements: [] },
  }
  await writeConfig(stateDir, config)
  // state.json exists from the start, with this install's stable id (its place in every rollout).
  await updateState(stateDir, () => undefined)
  return config
}
