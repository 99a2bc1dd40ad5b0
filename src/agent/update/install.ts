import { rm } from 'node:fs/promises'

import { eq, lt, satisfies } from 'semver'

import { verifyArtifactFile } from '../../sdk'
import { type AgentContext, checksSettled } from '../context'
import { AgentError } from '../errors'
import { recordState } from '../state/recordState'
import { readConfig, readState, updateConfig, withOperationLock } from '../state/stateFolder'
import {
  effectiveState,
  findTarget,
  isCollector,
  setError,
  setState,
  targetsOf,
} from '../state/targets'
import type { AgentConfig, AgentState, TargetConfig } from '../state/types'
import { describeTarget, type TargetDescription } from './describeTarget'
import { downloadTarget } from './download'
import { runInstallerCommand } from './installers/commandInstaller'
import { installIntoDirectory } from './installers/directoryInstaller'
import { targetErrorOf, toAgentError } from './refusals'

export type InstallResult = {
  targets: TargetDescription[]
  installed: string[]
  installAt: 'now' | 'next-launch'
}

type Step = { target: TargetConfig; download: boolean }

const pendingVersionOf = (state: AgentState, target: TargetConfig): string | null => {
  const pending = state.targets[target.target]?.pending
  return pending?.verified ? pending.version : null
}

/**
 * Refuses installing the same or an older version, unless the signed manifest pointed back to it.
 */
const assertNotDowngrade = (state: AgentState, target: TargetConfig): void => {
  const current = state.targets[target.target]
  const version = pendingVersionOf(state, target)
  if (!current || !version)
    throw new AgentError(
      'NOTHING_TO_INSTALL',
      `${target.target} has no verified download to install (state ${current?.state ?? 'idle'})`,
    )
  if (current.available?.rollback && current.available.version === version) return
  if (eq(version, target.version))
    throw new AgentError('ALREADY_INSTALLED', `${target.target} already runs ${version}`)
  if (lt(version, target.version))
    throw new AgentError(
      'DOWNGRADE',
      `${version} is older than the installed ${target.version}, and no signed manifest points back to it`,
    )
}

/**
 * The collectors an app update needs first: every collector of a product the release `requires`
 * that is not on a satisfying version must have a satisfying update downloaded or available.
 */
const requiredCollectorSteps = (
  config: AgentConfig,
  state: AgentState,
  app: TargetConfig,
): Step[] => {
  const release = state.targets[app.target]?.pending?.release
  const steps: Step[] = []
  const missing: Array<{ target: string; version: string; requires: string }> = []
  for (const [product, range] of Object.entries(release?.requires ?? {})) {
    for (const collector of config.collectors.filter(
      (candidate) => candidate.product === product,
    )) {
      if (satisfies(collector.version, range, { includePrerelease: true })) continue
      const collectorState = state.targets[collector.target]
      const pending = pendingVersionOf(state, collector)
      if (pending && satisfies(pending, range, { includePrerelease: true }))
        steps.push({ target: collector, download: false })
      else if (
        collectorState?.available &&
        satisfies(collectorState.available.version, range, { includePrerelease: true })
      )
        steps.push({ target: collector, download: true })
      else
        missing.push({
          target: collector.target,
          version: collector.version,
          requires: `${product} ${range}`,
        })
    }
  }
  if (missing.length > 0) {
    throw new AgentError(
      'COLLECTOR_REQUIRED',
      `${app.target} ${release?.version} needs ${missing.map((entry) => `${entry.target} to be ${entry.requires.split(' ')[1]} (it is ${entry.version})`).join(', ')}, and no such collector update is available`,
      { details: { collectors: missing } },
    )
  }
  return steps
}

/** What `install` runs, in order: collectors before the app that requires them. */
const planInstall = (config: AgentConfig, state: AgentState, chosen: TargetConfig[]): Step[] => {
  for (const target of chosen) assertNotDowngrade(state, target)
  const steps: Step[] = chosen.filter(isCollector).map((target) => ({ target, download: false }))
  for (const app of chosen.filter((target) => !isCollector(target))) {
    for (const step of requiredCollectorSteps(config, state, app)) {
      if (!steps.some((planned) => planned.target.target === step.target.target)) steps.push(step)
    }
    steps.push({ target: app, download: false })
  }
  return steps
}

/** Hands the re-verified file to the target's installer and records the outcome. */
const installTarget = async (context: AgentContext, target: TargetConfig): Promise<void> => {
  const pending = (await readState(context.stateDir)).targets[target.target]?.pending
  if (!pending?.verified)
    throw new AgentError('NOTHING_TO_INSTALL', `${target.target} has no verified download`)
  const { version, release, file } = pending
  try {
    // The file may have sat on disk since it was downloaded: nothing unverified reaches an
    // installer.
    await verifyArtifactFile(file, release.artifact)
  } catch (error) {
    const failure = toAgentError(error)
    await rm(file, { force: true })
    await recordState(context, (_state, targetState, notify) => {
      const current = targetState(target.target)
      delete current.pending
      setError(current, current.available ? 'available' : 'idle', targetErrorOf('install', failure))
      notify({
        type: 'error',
        target: target.target,
        version,
        message: `The downloaded package no longer verifies: ${failure.message}`,
        code: failure.code,
      })
    })
    throw failure
  }

  await recordState(context, (_state, targetState, notify) => {
    setState(targetState(target.target), 'installing')
    notify({ type: 'update-installing', target: target.target, version })
  })
  let previousVersion: string | null = null
  try {
    if (target.installer.type === 'command') {
      await runInstallerCommand(target.installer.command, {
        file,
        target: target.target,
        product: target.product,
        version,
        sha256: release.artifact.sha256,
      })
    } else {
      ;({ previousVersion } = await installIntoDirectory(target.installer.root, file, version))
    }
  } catch (error) {
    const failure = toAgentError(error)
    await recordState(context, (_state, targetState, notify) => {
      setError(targetState(target.target), 'downloaded', targetErrorOf('install', failure))
      notify({
        type: 'error',
        target: target.target,
        version,
        message: failure.message,
        code: failure.code,
      })
    })
    throw failure
  }

  await updateConfig(context.stateDir, (config) => {
    findTarget(config, target.target).version = version
  })
  const saved = await recordState(context, (_state, targetState, notify) => {
    const current = targetState(target.target)
    delete current.pending
    delete current.available
    if (previousVersion)
      current.unconfirmed = { version, previousVersion, startsWithoutConfirmation: 0 }
    else delete current.unconfirmed
    setState(current, 'installed')
    notify({ type: 'update-installed', target: target.target, version })
  })
  // One offline package can serve several collectors: the file goes once none of them waits for it.
  if (!Object.values(saved.targets).some((other) => other.pending?.file === file))
    await rm(file, { force: true })
}

/**
 * Runs a plan: a failing collector stops it before the app is touched. The caller holds the
 * operation lock.
 */
export const runInstallPlan = async (
  context: AgentContext,
  config: AgentConfig,
  steps: Step[],
): Promise<string[]> => {
  const installed: string[] = []
  for (const { target, download } of steps) {
    try {
      if (download) await downloadTarget(context, config, target)
      await installTarget(context, target)
      installed.push(target.target)
    } catch (error) {
      const failure = toAgentError(error)
      const app = steps.find((step) => !isCollector(step.target))
      if (isCollector(target) && app && app.target !== target) {
        throw new AgentError(
          'COLLECTOR_INSTALL_FAILED',
          `Collector ${target.id} failed to update (${failure.code}: ${failure.message}); ${app.target.target} was not touched`,
          {
            refused: failure.refused,
            details: { collector: target.target, cause: failure.code, installed },
          },
        )
      }
      throw failure
    }
  }
  return installed
}

/** The targets an install without `--target` takes: every one with a verified download. */
const installableTargets = (config: AgentConfig, state: AgentState): TargetConfig[] =>
  targetsOf(config).filter((target) => {
    const current = state.targets[target.target]
    return current?.pending?.verified && effectiveState(current) === 'downloaded'
  })

/** `install [--target T] [--on-next-launch]`. */
export const installUpdates = (
  context: AgentContext,
  { target, onNextLaunch = false }: { target?: string; onNextLaunch?: boolean } = {},
): Promise<InstallResult> =>
  withOperationLock(context.stateDir, async () => {
    await checksSettled(context)
    const config = await readConfig(context.stateDir)
    const state = await readState(context.stateDir)
    const chosen = target ? [findTarget(config, target)] : installableTargets(config, state)
    if (chosen.length === 0)
      throw new AgentError(
        'NOTHING_TO_INSTALL',
        'No downloaded update to install; run download first',
      )
    const steps = planInstall(config, state, chosen)
    let installed: string[] = []
    if (onNextLaunch) {
      for (const step of steps.filter((candidate) => candidate.download))
        await downloadTarget(context, config, step.target)
      await recordState(context, (_state, targetState) => {
        for (const { target: planned } of steps) {
          const pending = targetState(planned.target).pending
          if (pending) pending.onNextLaunch = true
        }
      })
    } else {
      installed = await runInstallPlan(context, config, steps)
    }
    const saved = await readState(context.stateDir)
    const latest = await readConfig(context.stateDir)
    return {
      targets: targetsOf(latest).map((candidate) =>
        describeTarget(candidate, saved.targets[candidate.target]),
      ),
      installed,
      installAt: onNextLaunch ? 'next-launch' : 'now',
    }
  })

export { planInstall }
