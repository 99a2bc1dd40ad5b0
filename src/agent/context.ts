import type { LicenseStatus } from './license/types'
import type { Notification, TargetState } from './state/types'

/**
 * What the agent tells a listener while it works (the daemon streams these as Server-Sent Events).
 */
export type AgentEvent =
  | { type: 'notification'; notification: Notification }
  | { type: 'state'; target: string; state: TargetState }
  | { type: 'progress'; target: string; bytes: number; total: number }
  | { type: 'license'; license: LicenseStatus }

/** Every command runs against one state folder; the daemon adds a listener for its event stream. */
export type AgentContext = {
  stateDir: string
  emit?: (event: AgentEvent) => void
  /** The checks this process runs, one after another (`checkForUpdates`); settles, never fails. */
  checking?: Promise<void>
  /** The clock the license manager decides by (days left, file validity); default: the system's. */
  now?: () => Date
}

export const nowOf = (context: AgentContext): Date => context.now?.() ?? new Date()

/**
 * Resolves once this process runs no check: a download or install asked for meanwhile (the
 * daemon checks on a timer while its routes take commands) decides on what the check found, not
 * on its passing `checking` state.
 */
export const checksSettled = async (context: AgentContext): Promise<void> => {
  while (context.checking) await context.checking
}

export const emitEvent = (context: AgentContext, event: AgentEvent): void => {
  context.emit?.(event)
}
