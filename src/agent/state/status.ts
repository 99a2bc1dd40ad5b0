import { describeTarget } from '../update/describeTarget'
import { readConfig, readState } from './stateFolder'
import { targetsOf } from './targets'

/** `status` / `GET /status`: settings, every target with its state, and the notifications. */
export const readStatus = async (stateDir: string) => {
  const config = await readConfig(stateDir)
  const state = await readState(stateDir)
  return {
    server: config.server,
    settings: config.settings,
    installId: state.installId,
    lastCheckAt: state.lastCheckAt,
    targets: targetsOf(config).map((target) =>
      describeTarget(target, state.targets[target.target]),
    ),
    notifications: state.notifications,
  }
}

export type AgentStatus = Awaited<ReturnType<typeof readStatus>>
