import type { AgentContext } from '../context'
import { isAgentError } from '../errors'
import { readConfig, readState, withOperationLock } from '../state/stateFolder'
import { effectiveState, targetsOf } from '../state/targets'
import { checkForUpdates } from './check'
import { downloadTarget } from './download'
import { planInstall, runInstallPlan } from './install'

/**
 * What the settings ask for after a check: with auto-download, every update found is downloaded
 * (collectors first); with auto-install, the downloads are installed in the same order. Updates
 * that need a person (minimumUpgradeFrom) wait for one. Failures are already recorded per target.
 */
export const applyAutomaticSteps = (context: AgentContext): Promise<void> =>
  withOperationLock(context.stateDir, async () => {
    const config = await readConfig(context.stateDir)
    if (!config.settings.autoDownload && !config.settings.autoInstall) return
    const targets = targetsOf(config)
    // Collectors are listed after the app in agent.json; they are downloaded first.
    const downloadOrder = [...config.collectors, config.app]
    if (config.settings.autoDownload) {
      const { targets: states } = await readState(context.stateDir)
      for (const target of downloadOrder) {
        const state = states[target.target]
        if (
          !state ||
          state.available?.manualOnly ||
          !['available', 'downloading'].includes(effectiveState(state))
        )
          continue
        if (state.state === 'error' && !state.error?.retryable) continue
        await downloadTarget(context, config, target).catch(() => undefined)
      }
    }
    if (!config.settings.autoInstall) return
    const state = await readState(context.stateDir)
    const ready = targets.filter((target) => {
      const current = state.targets[target.target]
      return (
        current?.pending?.verified &&
        !current.pending.onNextLaunch &&
        !current.available?.manualOnly &&
        effectiveState(current) === 'downloaded' &&
        current.state !== 'error'
      )
    })
    if (ready.length === 0) return
    try {
      await runInstallPlan(context, config, planInstall(config, state, ready))
    } catch (error) {
      if (!isAgentError(error)) throw error
    }
  })

/**
 * One regular check: check, then the automatic steps; never throws (the state says what went
 * wrong).
 */
export const runUpdateCycle = async (context: AgentContext): Promise<void> => {
  try {
    await checkForUpdates(context)
    await applyAutomaticSteps(context)
  } catch (error) {
    if (!isAgentError(error)) console.error('hub-agent: update cycle failed', error)
  }
}
