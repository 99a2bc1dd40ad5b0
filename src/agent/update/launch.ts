import { valid } from 'semver'

import type { AgentContext } from '../context'
import { AgentError } from '../errors'
import { recordState } from '../state/recordState'
import { readConfig, readState, updateConfig, withOperationLock } from '../state/stateFolder'
import { appTarget, findTarget, setError, setState, targetsOf } from '../state/targets'
import type { AgentConfig, AgentState } from '../state/types'
import { describeTarget, type TargetDescription } from './describeTarget'
import { planInstall, runInstallPlan } from './install'
import { switchCurrent } from './installers/directoryInstaller'

/** Starts a new version may take without confirming itself before it is rolled back. */
export const startsBeforeRollback = 3

export type LaunchResult = {
  targets: TargetDescription[]
  installed: string[]
  confirmed: string | null
  rolledBack: string | null
}

/**
 * Counts a start of an unconfirmed version, or confirms it when the app says it runs it; the
 * third start without confirmation switches a directory install back to the previous version.
 */
const confirmOrCount = async (
  context: AgentContext,
  config: AgentConfig,
  state: AgentState,
  name: string,
  runningVersion: string | undefined,
) => {
  const target = findTarget(config, name)
  const unconfirmed = state.targets[target.target]?.unconfirmed
  if (runningVersion !== undefined && (!unconfirmed || runningVersion === unconfirmed.version)) {
    if (runningVersion !== target.version)
      await updateConfig(
        context.stateDir,
        (latest) => void (findTarget(latest, name).version = runningVersion),
      )
    if (unconfirmed)
      await recordState(
        context,
        (_state, targetState) => void delete targetState(target.target).unconfirmed,
      )
    return { confirmed: runningVersion, rolledBack: null }
  }
  if (!unconfirmed) return { confirmed: null, rolledBack: null }
  const starts = unconfirmed.startsWithoutConfirmation + 1
  if (starts < startsBeforeRollback || target.installer.type !== 'directory') {
    await recordState(context, (_state, targetState) => {
      const current = targetState(target.target).unconfirmed
      if (current) current.startsWithoutConfirmation = starts
    })
    return { confirmed: null, rolledBack: null }
  }
  await switchCurrent(target.installer.root, unconfirmed.previousVersion)
  await updateConfig(
    context.stateDir,
    (latest) => void (findTarget(latest, name).version = unconfirmed.previousVersion),
  )
  await recordState(context, (_state, targetState, notify) => {
    const current = targetState(target.target)
    delete current.unconfirmed
    setState(current, 'idle')
    setError(current, 'idle', {
      phase: 'launch',
      code: 'ROLLED_BACK',
      message: `${unconfirmed.version} did not confirm itself within ${startsBeforeRollback} starts; back on ${unconfirmed.previousVersion}`,
      retryable: false,
    })
    notify({
      type: 'error',
      target: target.target,
      version: unconfirmed.version,
      code: 'ROLLED_BACK',
      message: `${unconfirmed.version} never confirmed itself and was rolled back to ${unconfirmed.previousVersion}`,
    })
  })
  return { confirmed: null, rolledBack: unconfirmed.version }
}

/**
 * `launch [--target T] [--version V]`, run when the app starts: confirms (with the version it runs)
 * or counts the start of a new version, then installs what was left for the next launch, each
 * package verified again first.
 */
export const launch = (
  context: AgentContext,
  { target = appTarget, version }: { target?: string; version?: string } = {},
): Promise<LaunchResult> =>
  withOperationLock(context.stateDir, async () => {
    if (version !== undefined && !valid(version))
      throw new AgentError('BAD_REQUEST', `--version is not a version: ${version}`)
    const config = await readConfig(context.stateDir)
    const { confirmed, rolledBack } = await confirmOrCount(
      context,
      config,
      await readState(context.stateDir),
      target,
      version,
    )

    const latest = await readConfig(context.stateDir)
    const state = await readState(context.stateDir)
    const leftForLaunch = targetsOf(latest).filter(
      (candidate) => state.targets[candidate.target]?.pending?.onNextLaunch,
    )
    const installed =
      leftForLaunch.length > 0
        ? await runInstallPlan(context, latest, planInstall(latest, state, leftForLaunch))
        : []

    const saved = await readState(context.stateDir)
    const final = await readConfig(context.stateDir)
    return {
      targets: targetsOf(final).map((candidate) =>
        describeTarget(candidate, saved.targets[candidate.target]),
      ),
      installed,
      confirmed,
      rolledBack,
    }
  })
