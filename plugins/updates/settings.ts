import type { Payload } from 'payload'

import { defaultUpdatesOptions, type UpdatesSettings } from './types'

/**
 * The plugin's resolved options, kept on the config (`custom.updates`) so domain functions can read
 * them.
 */
export const updatesSettingsOf = (payload: Payload): UpdatesSettings =>
  (payload.config.custom as { updates?: UpdatesSettings } | undefined)?.updates ??
  defaultUpdatesOptions
