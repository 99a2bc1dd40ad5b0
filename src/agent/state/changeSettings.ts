import { applySettingsChange, type SettingsChange } from './settings'
import { updateConfig } from './stateFolder'
import type { Settings } from './types'

/** `settings [...]` / `PUT /settings`: applies the change (if any) and returns the settings. */
export const changeSettings = async (stateDir: string, change: SettingsChange): Promise<Settings> =>
  (
    await updateConfig(stateDir, (config) => {
      config.settings = applySettingsChange(config.settings, change)
    })
  ).settings
