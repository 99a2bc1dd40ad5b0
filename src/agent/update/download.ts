import { rm } from 'node:fs/promises'
import path from 'node:path'

import { planUpdates } from '../../sdk'
import { type AgentContext, checksSettled, emitEvent } from '../context'
import { AgentError } from '../errors'
import { recordState } from '../state/recordState'
import { downloadsDir, readConfig, readState, withOperationLock } from '../state/stateFolder'
import { effectiveState, findTarget, setError, setState, targetsOf } from '../state/targets'
import type { AgentConfig, TargetConfig } from '../state/types'
import { describeTarget, type TargetDescription } from './describeTarget'
import { downloadArtifact } from './downloadArtifact'
import { targetErrorOf, toAgentError } from './refusals'

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-')

export type DownloadResult = {
  targets: Array<TargetDescription & { bytes: number; resumedFrom: number }>
}

/**
 * The targets a download without `--target` takes: every one with an update found or a download cut
 * off.
 */
const downloadableTargets = async (
  context: AgentContext,
  config: AgentConfig,
): Promise<TargetConfig[]> => {
  const { targets } = await readState(context.stateDir)
  return targetsOf(config).filter((target) => {
    const state = targets[target.target]
    return (
      state &&
      ['available', 'downloading'].includes(effectiveState(state)) &&
      (state.available || state.pending)
    )
  })
}

/** Orders targets so that the collectors a release requires come before it. */
const collectorsFirst = async (
  context: AgentContext,
  chosen: TargetConfig[],
): Promise<TargetConfig[]> => {
  const { targets: states } = await readState(context.stateDir)
  const updates = chosen.map((candidate) => {
    const state = states[candidate.target]
    return {
      product: candidate.product,
      release: (state?.available ?? state?.pending)!.release,
      candidate,
    }
  })
  return planUpdates(updates).map((update) => update.candidate)
}

/**
 * Downloads one target's update (resuming a cut-off one) and verifies it; the caller holds the
 * operation lock.
 */
export const downloadTarget = async (
  context: AgentContext,
  config: AgentConfig,
  target: TargetConfig,
): Promise<{ bytes: number; resumedFrom: number }> => {
  const state = (await readState(context.stateDir)).targets[target.target]
  const current = state ? effectiveState(state) : 'idle'
  if (current === 'downloaded' && state.pending?.verified)
    return {
      bytes: state.pending.release.artifact.size,
      resumedFrom: state.pending.release.artifact.size,
    }
  const release =
    state?.available?.release ?? (current === 'downloading' ? state?.pending?.release : undefined)
  if (!state || !release || !['available', 'downloading'].includes(current)) {
    throw new AgentError(
      'NOTHING_TO_DOWNLOAD',
      `${target.target} has no update to download (state ${state?.state ?? 'idle'}); run check first`,
    )
  }
  const folder = downloadsDir(context.stateDir)
  const partFile = path.join(folder, `${safeName(target.target)}-${safeName(release.version)}.part`)
  // A part of another version (an older update found before) is of no use any more.
  if (state.pending && state.pending.file !== partFile)
    await rm(state.pending.file, { force: true })

  await recordState(context, (_state, targetState) => {
    const current = targetState(target.target)
    current.pending = { version: release.version, release, file: partFile, verified: false }
    current.progress = { bytes: 0, total: release.artifact.size }
    setState(current, 'downloading')
  })
  let lastReport = 0
  try {
    const downloaded = await downloadArtifact({
      server: config.server,
      artifact: release.artifact,
      licenseKey: target.licenseKey,
      partFile,
      finalFile: (suggested) =>
        path.join(
          folder,
          `${safeName(target.target)}-${suggested ?? `${safeName(release.version)}.bin`}`,
        ),
      onProgress: (bytes, total) => {
        if (Date.now() - lastReport < 100 && bytes < total) return
        lastReport = Date.now()
        emitEvent(context, { type: 'progress', target: target.target, bytes, total })
      },
    })
    await recordState(context, (_state, targetState, notify) => {
      const current = targetState(target.target)
      current.pending = { version: release.version, release, file: downloaded.file, verified: true }
      setState(current, 'downloaded')
      notify({ type: 'update-downloaded', target: target.target, version: release.version })
    })
    return downloaded
  } catch (error) {
    const failure = toAgentError(error)
    await recordState(context, (_state, targetState, notify) => {
      setError(targetState(target.target), 'available', targetErrorOf('download', failure))
      notify({
        type: 'error',
        target: target.target,
        version: release.version,
        message: failure.message,
        code: failure.code,
      })
    })
    throw failure
  }
}

/** `download [--target T]`: one target, or every one with an update, collectors first. */
export const downloadUpdates = (
  context: AgentContext,
  { target }: { target?: string } = {},
): Promise<DownloadResult> =>
  withOperationLock(context.stateDir, async () => {
    await checksSettled(context)
    const config = await readConfig(context.stateDir)
    const chosen = target
      ? [findTarget(config, target)]
      : await downloadableTargets(context, config)
    if (target === undefined && chosen.length === 0)
      throw new AgentError('NOTHING_TO_DOWNLOAD', 'No update to download; run check first')
    const results: DownloadResult['targets'] = []
    for (const candidate of target ? chosen : await collectorsFirst(context, chosen)) {
      const { bytes, resumedFrom } = await downloadTarget(context, config, candidate)
      const saved = await readState(context.stateDir)
      results.push({
        ...describeTarget(candidate, saved.targets[candidate.target]),
        bytes,
        resumedFrom,
      })
    }
    return { targets: results }
  })
