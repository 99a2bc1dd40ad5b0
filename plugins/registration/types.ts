export type RegistrationPluginOptions = {
  /**
   * Days a register link (the signed token in a trial or license mail) stays usable.
   * @default 14
   */
  linkDays?: number
}

export type RegistrationSettings = Required<RegistrationPluginOptions>

export const defaultRegistrationOptions: RegistrationSettings = {
  linkDays: 14,
}
