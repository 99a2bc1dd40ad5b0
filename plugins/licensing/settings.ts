import type { Payload } from 'payload'

import { defaultLicensingOptions, type LicensingSettings } from './types'

/** The licensing plugin's settings, kept in `config.custom.licensing` by the plugin. */
export const licensingSettings = (payload: Payload): LicensingSettings =>
  (payload.config.custom?.licensing as LicensingSettings | undefined) ?? defaultLicensingOptions
