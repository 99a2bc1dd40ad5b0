export type LicensingPluginOptions = {
  /**
   * When false the collections and fields stay (schema unchanged) but no endpoint, hook or timer
   * runs.
   * @default true
   */
  enabled?: boolean
  /**
   * Days a license file stays valid before the app must refresh it online (never past the license's
   * expiry).
   * @default 30
   */
  licenseFileDays?: number
  /**
   * Length of a trial (in-app button, staff "Create trial", reseller trials without `days`).
   * @default 30
   */
  trialDays?: number
  /**
   * Days "Extend trial" adds when staff do not say otherwise.
   * @default 14
   */
  extendDays?: number
  /**
   * Trial requests one address may make per hour (this instance).
   * @default 10
   */
  trialsPerAddressPerHour?: number
  /**
   * Trial requests per email per day, counted in the database so it holds across instances.
   * @default 5
   */
  trialsPerEmailPerDay?: number
  /**
   * How often validation counts kept in memory are written to the licenses (milliseconds).
   * @default 5000
   */
  validationFlushIntervalMs?: number
  /**
   * The public address of the portal, for register links in mails (`PUBLIC_URL`).
   * @default 'http://localhost:3000'
   */
  publicUrl?: string
}

export type LicensingSettings = Required<Omit<LicensingPluginOptions, 'enabled'>>

export const defaultLicensingOptions: Required<LicensingPluginOptions> = {
  enabled: true,
  licenseFileDays: 30,
  trialDays: 30,
  extendDays: 14,
  trialsPerAddressPerHour: 10,
  trialsPerEmailPerDay: 5,
  validationFlushIntervalMs: 5000,
  publicUrl: 'http://localhost:3000',
}
