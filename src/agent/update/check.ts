import { checkForUpdate, type UpdateDecision } from '../../sdk'
import type { AgentContext } from '../context'
import { AgentError } from '../errors'
import { requestSignerOf } from '../relay/nodeClient'
import { recordState } from '../state/recordState'
import { readConfig, readState } from '../state/stateFolder'
import { effectiveState, setError, setState, targetsOf } from '../state/targets'
import type { AgentConfig, AvailableUpdate, TargetConfig, TargetState } from '../state/types'
import { describeTarget, type TargetDescription } from './describeTarget'
import { toAgentError, targetErrorOf } from './refusals'
import { fetchManifestText, manifestScopeKey, type ManifestScope } from './serverClient'
import { loadTrust, refreshTrust } from './trust'

type Outcome = {
  target: TargetConfig
  scope: ManifestScope
  decision?: UpdateDecision
  error?: AgentError
}

const busyStates = new Set(['downloading', 'installing'])

const availableOf = (decision: UpdateDecision): AvailableUpdate | null => {
  if (decision.action === 'update') {
    const { release } = decision
    return {
      version: release.version,
      critical: decision.critical,
      size: release.artifact.size,
      notesUrl: release.notesUrl,
      release,
      ...(decision.automatic ? {} : { manualOnly: true }),
    }
  }
  // A pulled version goes back only where the signed manifest points (never a downgrade otherwise).
  if (decision.action === 'rollback' && decision.release) {
    const { release } = decision
    return {
      version: release.version,
      critical: true,
      size: release.artifact.size,
      notesUrl: release.notesUrl,
      release,
      rollback: true,
    }
  }
  return null
}

export type CheckResult = { targets: TargetDescription[]; refusal?: AgentError }

/**
 * Asks the server for the signed manifest of the app and of every collector (one request per
 * manifest they share), verifies each with the pinned trust, and records what is available.
 */
export const checkForUpdates = (context: AgentContext): Promise<CheckResult> => {
  // One check at a time in a process: two would each mark the targets `checking` and record over
  // each other.
  const result = (context.checking ?? Promise.resolve()).then(() => checkOnce(context))
  const settled = result.then(
    () => undefined,
    () => undefined,
  )
  context.checking = settled
  void settled.then(() => {
    if (context.checking === settled) context.checking = undefined
  })
  return result
}

const checkOnce = async (context: AgentContext): Promise<CheckResult> => {
  const config = await readConfig(context.stateDir)
  const trust = await loadTrust(config)
  const sign = await requestSignerOf(context.stateDir, config)
  await refreshTrust(context.stateDir, config, trust, sign)
  const targets = targetsOf(config)
  const { installId, lastSequences, targets: before } = await readState(context.stateDir)

  const idle = targets.filter((target) => !busyStates.has(before[target.target]?.state ?? 'idle'))
  await recordState(context, (_state, target) => {
    for (const config of idle) {
      const current = target(config.target)
      current.lastGoodState = effectiveState(current)
      current.state = 'checking'
    }
  })

  const manifests = new Map<string, Promise<string>>()
  const outcomes: Outcome[] = await Promise.all(
    idle.map(async (target): Promise<Outcome> => {
      const scope = {
        product: target.product,
        line: target.line,
        channel: config.settings.channel,
        platform: target.platform,
      }
      const key = manifestScopeKey(scope)
      if (!manifests.has(key)) manifests.set(key, fetchManifestText(config.server, scope, sign))
      try {
        const manifestText = await manifests.get(key)!
        const decision = await checkForUpdate({
          manifestText,
          trust,
          current: { ...scope, version: target.version },
          installId,
          lastSeenSequence: lastSequences[key],
        })
        return { target, scope, decision }
      } catch (error) {
        return { target, scope, error: toAgentError(error) }
      }
    }),
  )

  const saved = await recordState(context, (state, target, notify) => {
    state.lastCheckAt = new Date().toISOString()
    for (const outcome of outcomes)
      applyOutcome(config, outcome, target(outcome.target.target), state.lastSequences, notify)
  })
  const refusal = outcomes.find((outcome) => outcome.error)?.error
  return {
    targets: targets.map((target) => describeTarget(target, saved.targets[target.target])),
    ...(refusal ? { refusal } : {}),
  }
}

const applyOutcome = (
  config: AgentConfig,
  { target, scope, decision, error }: Outcome,
  current: TargetState,
  lastSequences: Record<string, number>,
  notify: Parameters<Parameters<typeof recordState>[1]>[2],
): void => {
  const before = current.lastGoodState ?? 'idle'
  if (error || !decision) {
    const failure = error ?? new AgentError('INTERNAL', 'No decision')
    setError(current, before, targetErrorOf('check', failure))
    notify({
      type: 'error',
      target: target.target,
      version: target.version,
      message: failure.message,
      code: failure.code,
    })
    return
  }
  const key = manifestScopeKey(scope)
  lastSequences[key] = Math.max(lastSequences[key] ?? 0, decision.sequence)

  const available = availableOf(decision)
  if (!available) {
    delete current.available
    setState(current, 'up-to-date')
    notify({ type: 'update-not-available', target: target.target, version: target.version })
    return
  }
  if (current.pending?.verified && current.pending.version === available.version) {
    current.available = available
    setState(current, 'downloaded')
    return
  }
  const isNew = current.available?.version !== available.version
  current.available = available
  // A download of another version is stale: its bytes are dropped at the next download.
  setState(current, 'available')
  if (isNew && !config.settings.autoDownload)
    notify({ type: 'update-available', target: target.target, version: available.version })
}
