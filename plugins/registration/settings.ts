import type { Payload } from 'payload'

import { defaultRegistrationOptions, type RegistrationSettings } from './types'

/** The registration plugin's settings, kept in `config.custom.registration` by the plugin. */
export const registrationSettings = (payload: Payload): RegistrationSettings =>
  (payload.config.custom?.registration as RegistrationSettings | undefined) ??
  defaultRegistrationOptions
