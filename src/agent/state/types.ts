import type { JWK } from 'jose'

import type { ManifestRelease } from '../../sdk'
import type { LicenseRecord } from '../license/types'
import type { RelayRecord } from '../relay/types'

/** The states a target moves through; the names are part of the agent's contract. */
export const targetStates = [
  'idle',
  'checking',
  'up-to-date',
  'available',
  'downloading',
  'downloaded',
  'installing',
  'installed',
  'error',
] as const
export type TargetStateName = (typeof targetStates)[number]

export const notificationTypes = [
  'update-available',
  'update-downloaded',
  'update-installing',
  'update-installed',
  'update-not-available',
  'license-expiring',
  'license-expired',
  'license-changed',
  'credit-low',
  'credit-exhausted',
  'lease-acquired',
  'lease-lost',
  'error',
] as const
export type NotificationType = (typeof notificationTypes)[number]

export type Installer = { type: 'command'; command: string } | { type: 'directory'; root: string }

/**
 * Something the agent keeps up to date: the app (target `app`) or one collector (`collector:<id>`).
 */
export type TargetConfig = {
  target: string
  product: string
  line: string
  platform: string
  /** The installed version. */
  version: string
  installer: Installer
  /** Sent as `Authorization: License <key>` to download this target's artifacts. */
  licenseKey?: string
  /** Collectors only: the id given with `collector add`. */
  id?: string
}

export type Settings = {
  autoDownload: boolean
  autoInstall: boolean
  checkIntervalHours: number
  channel: string
}

/** `agent.json`: what the agent is set up to keep up to date, and whom it trusts. */
export type AgentConfig = {
  server: string
  /** A slave or collector without internet: its license comes from this master's relay. */
  master?: { url: string; sealedSecret: string }
  app: TargetConfig
  collectors: TargetConfig[]
  settings: Settings
  /** The pinned JWKS, grown only through key statements signed by a key already trusted. */
  trust: { keys: JWK[]; statements: string[] }
}

export type AvailableUpdate = {
  version: string
  critical: boolean
  size: number
  notesUrl: string | null
  /** The signed release, kept so a download or install never needs the manifest again. */
  release: ManifestRelease
  /** The signed manifest pointed this install back to an earlier version (a pulled release). */
  rollback?: boolean
  /**
   * The install is older than the release's minimumUpgradeFrom: no automatic download or install.
   */
  manualOnly?: boolean
}

export type PendingDownload = {
  version: string
  release: ManifestRelease
  /** Where the bytes are: `*.part` while downloading, the final name once verified. */
  file: string
  verified: boolean
  /** Install at the next `launch` instead of now. */
  onNextLaunch?: boolean
}

export type TargetError = {
  phase: string
  code: string
  message: string
  retryable: boolean
  at: string
}

/**
 * An install that must still confirm itself by `launch`, or be rolled back (directory installer).
 */
export type UnconfirmedInstall = {
  version: string
  previousVersion: string
  startsWithoutConfirmation: number
}

export type TargetState = {
  state: TargetStateName
  /** While `state` is `error`: the state to fall back to (what the button shows). */
  lastGoodState?: Exclude<TargetStateName, 'error'>
  error?: TargetError
  available?: AvailableUpdate
  pending?: PendingDownload
  progress?: { bytes: number; total: number }
  unconfirmed?: UnconfirmedInstall
}

export type Notification = {
  type: NotificationType
  target: string
  version: string | null
  at: string
  message: string
  code?: string
  /** `license-expiring`: the days left when it was raised (30, 15, 5, 3 or 1 and below). */
  daysLeft?: number
  /** `license-changed`: the license state before and after. */
  from?: string
  to?: string
  /** `credit-low`, `credit-exhausted`: the credits left. */
  credits?: number
}

/** `state.json`: what the agent knows and did, per target. */
export type AgentState = {
  installId: string
  targets: Record<string, TargetState>
  /** Highest manifest sequence accepted per `product/line/channel/platform`. */
  lastSequences: Record<string, number>
  lastCheckAt: string | null
  notifications: Notification[]
  /** The license manager's state (`src/agent/license/`); absent until a license command ran. */
  license?: LicenseRecord
  /** The master relay's pairing and leases (`src/agent/relay/`); absent unless paired. */
  relay?: RelayRecord
}
