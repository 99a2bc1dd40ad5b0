import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import lockfile, { type LockOptions } from 'proper-lockfile'
import writeFileAtomic from 'write-file-atomic'

import { AgentError } from '../errors'
import type { AgentConfig, AgentState } from './types'

export const configFileName = 'agent.json'
export const stateFileName = 'state.json'
export const downloadsFolderName = 'downloads'

/** The state folder: `--state DIR`, else `HUB_AGENT_STATE`. */
export const resolveStateDir = (option: string | undefined): string => {
  const dir = option || process.env.HUB_AGENT_STATE
  if (!dir)
    throw new AgentError(
      'NO_STATE_FOLDER',
      'Give the state folder with --state DIR or HUB_AGENT_STATE',
    )
  return path.resolve(dir)
}

export const downloadsDir = (stateDir: string): string => {
  const dir = path.join(stateDir, downloadsFolderName)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return dir
}

const readJson = async <T>(file: string): Promise<T | null> => {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  return JSON.parse(text) as T
}

/**
 * Temp file, fsync, rename: a reader (or a restart after a crash) sees the old file or the new one,
 * never half.
 */
const writeJson = (file: string, value: unknown): Promise<void> =>
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, fsync: true })

export const readConfig = async (stateDir: string): Promise<AgentConfig> => {
  const config = await readJson<AgentConfig>(path.join(stateDir, configFileName))
  if (!config)
    throw new AgentError(
      'NOT_INITIALIZED',
      `No ${configFileName} in ${stateDir}: run hub-agent init first`,
    )
  return config
}

export const writeConfig = async (stateDir: string, config: AgentConfig): Promise<void> => {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 })
  await writeJson(path.join(stateDir, configFileName), config)
}

const emptyState = (): AgentState => ({
  installId: randomUUID(),
  targets: {},
  lastSequences: {},
  lastCheckAt: null,
  notifications: [],
})

export const readState = async (stateDir: string): Promise<AgentState> =>
  (await readJson<AgentState>(path.join(stateDir, stateFileName))) ?? emptyState()

/** Short read-modify-write critical sections from the CLI and the daemon alike. */
// A lock is refreshed every stale/2 while held; one left by a killed process is free after `stale`.
const staleAfterMs = 4_000

const lock = (stateDir: string, name: string, retries: LockOptions['retries']) => {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 })
  return lockfile.lock(path.join(stateDir, name), { realpath: false, stale: staleAfterMs, retries })
}

/**
 * Long enough for the lock of a run killed mid-download to go stale, short enough to answer BUSY
 * soon.
 */
const operationWait: LockOptions['retries'] = {
  retries: 6,
  minTimeout: 1_000,
  maxTimeout: 1_000,
  factor: 1,
}

const shortWait: LockOptions['retries'] = { retries: 50, minTimeout: 20, maxTimeout: 200 }

const withFileLock = async <T>(
  stateDir: string,
  name: string,
  work: () => Promise<T>,
): Promise<T> => {
  const release = await lock(stateDir, name, shortWait)
  try {
    return await work()
  } finally {
    await release()
  }
}

/**
 * Reads state.json, lets `change` edit it, writes it back atomically, under the state folder's
 * lock.
 */
export const updateState = (
  stateDir: string,
  change: (state: AgentState) => void | Promise<void>,
): Promise<AgentState> =>
  withFileLock(stateDir, stateFileName, async () => {
    const state = await readState(stateDir)
    await change(state)
    await writeJson(path.join(stateDir, stateFileName), state)
    return state
  })

/** Edits agent.json under the same lock. */
export const updateConfig = (
  stateDir: string,
  change: (config: AgentConfig) => void | Promise<void>,
): Promise<AgentConfig> =>
  withFileLock(stateDir, stateFileName, async () => {
    const config = await readConfig(stateDir)
    await change(config)
    await writeConfig(stateDir, config)
    return config
  })

/**
 * One download or install at a time per state folder (one writer): a second one, from the CLI or
 * the daemon, is refused with BUSY instead of racing the first over the same files.
 */
export const withOperationLock = async <T>(
  stateDir: string,
  work: () => Promise<T>,
): Promise<T> => {
  let release: () => Promise<void>
  try {
    release = await lock(stateDir, 'operation', operationWait)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AgentError('BUSY', 'Another download or install is running for this state folder', {
        retryable: true,
      })
    }
    throw error
  }
  try {
    return await work()
  } finally {
    await release()
  }
}
