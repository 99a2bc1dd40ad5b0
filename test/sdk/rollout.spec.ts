import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isInRollout, rolloutBucket } from '../../src/lib/rollout'

describe('rollout', () => {
  it('puts an install in the same bucket between 0 and 99 every time', () => {
    const installId = randomUUID()
    const bucket = rolloutBucket(installId, '7.3.0')
    expect(Number.isInteger(bucket)).toBe(true)
    expect(bucket).toBeGreaterThanOrEqual(0)
    expect(bucket).toBeLessThan(100)
    expect(rolloutBucket(installId, '7.3.0')).toBe(bucket)
  })

  it('reaches 30 % ± 2 % of 10,000 random installs at a 30 % rollout', () => {
    const reached = Array.from({ length: 10_000 }, () => randomUUID()).filter((installId) =>
      isInRollout(installId, '7.3.0', 30),
    ).length
    expect(reached).toBeGreaterThanOrEqual(2800)
    expect(reached).toBeLessThanOrEqual(3200)
  })

  it('reaches every install at 100 % and none at 0 %', () => {
    const installIds = Array.from({ length: 1000 }, () => randomUUID())
    expect(installIds.every((installId) => isInRollout(installId, '7.3.0', 100))).toBe(true)
    expect(installIds.some((installId) => isInRollout(installId, '7.3.0', 0))).toBe(false)
  })

  it('does not pick the same installs first for every version', () => {
    const installIds = Array.from({ length: 1000 }, () => randomUUID())
    const first = installIds.filter((installId) => isInRollout(installId, '7.3.0', 10))
    const firstAgain = first.filter((installId) => isInRollout(installId, '7.4.0', 10))
    expect(firstAgain.length).toBeLessThan(first.length / 2)
  })
})
