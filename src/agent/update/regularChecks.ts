import type { AgentContext } from '../context'
import { nextCheckDelay } from '../state/settings'
import { readConfig, readState } from '../state/stateFolder'
import { runUpdateCycle } from './autoUpdate'

// setTimeout takes at most 2^31-1 ms (about 24.8 days); longer intervals wait in steps.
const longestTimer = 2_147_483_647

/**
 * The daemon's regular checks: the first when the last one is older than the interval (at once on
 * a fresh state folder), then every interval ±10 %. `reschedule()` after a settings change.
 */
export const startRegularChecks = (context: AgentContext) => {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let running: Promise<void> = Promise.resolve()

  const schedule = async (): Promise<void> => {
    if (stopped) return
    clearTimeout(timer)
    const { settings } = await readConfig(context.stateDir)
    const { lastCheckAt } = await readState(context.stateDir)
    const dueAt =
      lastCheckAt === null ? Date.now() : Date.parse(lastCheckAt) + nextCheckDelay(settings)
    timer = setTimeout(
      () => {
        if (Date.now() < dueAt) return void schedule()
        running = runUpdateCycle(context).then(schedule)
      },
      Math.min(longestTimer, Math.max(0, dueAt - Date.now())),
    )
  }

  void schedule()
  return {
    reschedule: () => void schedule(),
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
