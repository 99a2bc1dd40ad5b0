/**
 * Per-address budgets of the client endpoints that write or hand out files, per instance. The
 * validate and manifest endpoints stay unlimited: they are read-only, cheap, and benchmarked.
 */
export const clientRateLimits = {
  /** activate, deactivate, the app's master login */
  seats: { limit: 300, windowMs: 60_000 },
  /** reseller writes */
  accounts: { limit: 120, windowMs: 60_000 },
  /** download links */
  downloads: { limit: 120, windowMs: 60_000 },
  /** offline bundles (whole artifacts) */
  bundles: { limit: 30, windowMs: 60_000 },
} as const
