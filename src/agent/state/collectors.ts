import { AgentError, badRequest } from '../errors'
import { assertTargetFields, installerOf, type InstallerOptions } from './initialize'
import { updateConfig, updateState } from './stateFolder'
import { collectorTarget } from './targets'
import type { AgentConfig, TargetConfig } from './types'

export type AddCollectorOptions = InstallerOptions & {
  id: string
  version: string
  platform: string
  licenseKey?: string
}

/** `collector add`: a collector of the app's line (product `collector`), with its own installer. */
export const addCollector = async (
  stateDir: string,
  options: AddCollectorOptions,
): Promise<AgentConfig> => {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(options.id))
    throw badRequest(`Not a collector id: ${options.id}`)
  const installer = installerOf(options)
  const config = await updateConfig(stateDir, (config) => {
    assertTargetFields({
      line: config.app.line,
      platform: options.platform,
      version: options.version,
    })
    const target = collectorTarget(options.id)
    const collector: TargetConfig = {
      target,
      id: options.id,
      product: 'collector',
      line: config.app.line,
      platform: options.platform,
      version: options.version,
      installer,
      // A collector download needs a license of the collector product; the app's key is the
      // fallback.
      ...((options.licenseKey ?? config.app.licenseKey)
        ? { licenseKey: options.licenseKey ?? config.app.licenseKey }
        : {}),
    }
    const index = config.collectors.findIndex((existing) => existing.id === options.id)
    if (index >= 0) config.collectors[index] = collector
    else config.collectors.push(collector)
  })
  // Added again (another platform, version or installer): what was known about it no longer holds.
  await updateState(stateDir, (state) => void delete state.targets[collectorTarget(options.id)])
  return config
}

/** `collector remove`: forgets the collector and what the agent knew about it. */
export const removeCollector = async (stateDir: string, id: string): Promise<AgentConfig> => {
  const config = await updateConfig(stateDir, (config) => {
    const index = config.collectors.findIndex((existing) => existing.id === id)
    if (index < 0) throw new AgentError('UNKNOWN_TARGET', `No collector ${id}`)
    config.collectors.splice(index, 1)
  })
  await updateState(stateDir, (state) => void delete state.targets[collectorTarget(id)])
  return config
}
