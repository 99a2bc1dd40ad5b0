import type { Notification, TargetState } from './state/types'

/**
 * What the agent tells a listener while it works (the daemon streams these as Server-Sent Events).
 */
export type AgentEvent =
  | { type: 'notification'; notification: Notification }
  | { type: 'state'; target: string; state: TargetState }
  | { type: 'progress'; target: string; bytes: number; total: number }

/** Every command runs against one state folder; the daemon adds a listener for its event stream. */
export type AgentContext = {
  stateDir: string
  emit?: (event: AgentEvent) => void
}

export const emitEvent = (context: AgentContext, event: AgentEvent): void => {
  context.emit?.(event)
}
