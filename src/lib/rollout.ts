import { createHash } from 'node:crypto'

/**
 * The install's fixed place (0..99) in the rollout of one version. Hashing the version in as well
 * means the same installs are not always the first to receive every release.
 */
export function rolloutBucket(installId: string, version: string): number {
  const digest = createHash('sha256').update(`${installId}:${version}`).digest('hex')
  return Number(BigInt(`0x${digest}`) % 100n)
}

/** 100 % reaches every install, 0 % none. */
export function isInRollout(installId: string, version: string, rolloutPercent: number): boolean {
  return rolloutBucket(installId, version) < rolloutPercent
}
