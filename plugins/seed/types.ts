export type SeedPluginOptions = {
  /** Seed an empty database at start. @default true */
  enabled?: boolean
  /** The seeded admin's password. */
  adminPassword: string
  /** Where the app is reached, for the links the summary prints. */
  publicUrl: string
  /** How the summary names the password: the env var that set it, or the value itself. */
  passwordHint?: string
}
