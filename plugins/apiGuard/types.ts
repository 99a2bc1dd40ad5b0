export type ApiGuardOptions = {
  /**
   * Check REST and GraphQL input before Payload runs it, and answer what it would fail on with a
   * 4xx and a stable `code`.
   * @default true
   */
  enabled?: boolean
}
