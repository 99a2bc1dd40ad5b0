import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import { eq, lt } from 'semver'

import { assertManifestIsFor, verifyArtifactFile, verifyOfflineBundle } from '../../sdk'
import type { AgentContext } from '../context'
import { AgentError } from '../errors'
import { recordState } from '../state/recordState'
import { downloadsDir, readConfig, readState, withOperationLock } from '../state/stateFolder'
import { setState, targetsOf } from '../state/targets'
import { describeTarget, type TargetDescription } from './describeTarget'
import { planInstall, runInstallPlan } from './install'
import { toAgentError } from './refusals'
import { loadTrust } from './trust'

export type InstallPackageResult = {
  targets: TargetDescription[]
  staged: string[]
  installed: string[]
}

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-')

/**
 * `install-package FILE`: an offline bundle for a site without internet. The whole bundle is
 * verified with the pinned trust (signature, kind, size, hash); it goes to every target of its
 * product, line and platform, then installs (collectors first) when auto-install is on.
 */
export const installPackage = (
  context: AgentContext,
  file: string,
): Promise<InstallPackageResult> =>
  withOperationLock(context.stateDir, async () => {
    const config = await readConfig(context.stateDir)
    const trust = await loadTrust(config)
    let bundle: Awaited<ReturnType<typeof verifyOfflineBundle>>
    try {
      bundle = await verifyOfflineBundle(path.resolve(file), trust)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AgentError('BAD_REQUEST', `No such file: ${file}`)
      throw toAgentError(error)
    }
    const { manifest, release, artifactOffset, artifactSize } = bundle
    const targets = targetsOf(config).filter((target) => {
      try {
        assertManifestIsFor(manifest, target)
        return true
      } catch {
        return false
      }
    })
    if (targets.length === 0) {
      throw new AgentError(
        'MANIFEST_MISMATCH',
        `The package is ${manifest.product} ${manifest.line} for ${manifest.platform}; no target here is`,
      )
    }

    const pointsBack = (version: string) =>
      manifest.pulled.some(
        (entry) =>
          eq(entry.version, version) &&
          entry.rollbackTo !== null &&
          eq(entry.rollbackTo, release.version),
      )
    for (const target of targets) {
      if (pointsBack(target.version)) continue
      if (eq(release.version, target.version))
        throw new AgentError(
          'ALREADY_INSTALLED',
          `${target.target} already runs ${release.version}`,
        )
      if (lt(release.version, target.version))
        throw new AgentError(
          'DOWNGRADE',
          `The package holds ${release.version}, older than the installed ${target.version}`,
        )
    }

    // The artifact is copied out of the bundle and verified again as the file the installer gets.
    const staged = path.join(
      downloadsDir(context.stateDir),
      `${safeName(manifest.product)}-${safeName(release.version)}-${safeName(manifest.platform)}.offline`,
    )
    await pipeline(
      createReadStream(path.resolve(file), {
        start: artifactOffset,
        end: artifactOffset + artifactSize - 1,
      }),
      createWriteStream(staged, { mode: 0o600 }),
    )
    try {
      await verifyArtifactFile(staged, release.artifact)
    } catch (error) {
      await rm(staged, { force: true })
      throw toAgentError(error)
    }

    await recordState(context, (_state, targetState, notify) => {
      for (const target of targets) {
        const current = targetState(target.target)
        current.pending = { version: release.version, release, file: staged, verified: true }
        current.available = {
          version: release.version,
          critical: release.critical,
          size: release.artifact.size,
          notesUrl: release.notesUrl,
          release,
          ...(pointsBack(target.version) ? { rollback: true } : {}),
        }
        setState(current, 'downloaded')
        notify({ type: 'update-downloaded', target: target.target, version: release.version })
      }
    })
    // An app package whose collectors are not there yet stays downloaded (COLLECTOR_REQUIRED).
    const steps = planInstall(config, await readState(context.stateDir), targets)
    const installed = config.settings.autoInstall
      ? await runInstallPlan(context, config, steps)
      : []
    const saved = await readState(context.stateDir)
    const latest = await readConfig(context.stateDir)
    return {
      targets: targetsOf(latest).map((target) =>
        describeTarget(target, saved.targets[target.target]),
      ),
      staged: targets.map((target) => target.target),
      installed,
    }
  })
