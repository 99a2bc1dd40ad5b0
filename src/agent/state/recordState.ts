import { type AgentContext, emitEvent } from '../context'
import { addNotification } from './notifications'
import { updateState } from './stateFolder'
import { targetStateOf } from './targets'
import type { AgentState, Notification, NotificationType, TargetState } from './types'

type NotificationInput = {
  type: NotificationType
  target: string
  version: string | null
  message?: string
  code?: string
}

/**
 * Changes the state of some targets and adds notifications, persisted in one atomic write, then
 * tells the listener what changed.
 */
export const recordState = async (
  context: AgentContext,
  change: (
    state: AgentState,
    target: (name: string) => TargetState,
    notify: (input: NotificationInput) => void,
  ) => void,
): Promise<AgentState> => {
  const touched = new Set<string>()
  const added: Notification[] = []
  const saved = await updateState(context.stateDir, (state) => {
    change(
      state,
      (name) => {
        touched.add(name)
        return targetStateOf(state.targets, name)
      },
      (input) => added.push(addNotification(state, input)),
    )
  })
  for (const name of touched)
    emitEvent(context, { type: 'state', target: name, state: saved.targets[name] })
  for (const notification of added) emitEvent(context, { type: 'notification', notification })
  return saved
}
