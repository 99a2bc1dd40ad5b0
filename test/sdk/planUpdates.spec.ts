import { describe, expect, it } from 'vitest'
import { planUpdates } from '../../src/sdk/updates/planUpdates'
import type { ManifestRelease } from '../../src/sdk/updates/types'

function release(version: string, requires?: Record<string, string>): ManifestRelease {
  return {
    version,
    releasedAt: '2025-03-01T00:00:00.000Z',
    critical: false,
    minimumUpgradeFrom: null,
    rolloutPercent: 100,
    ...(requires ? { requires } : {}),
    notesUrl: null,
    summary: null,
    artifact: { id: '1', url: 'https://example.test/a', sha256: '0'.repeat(64), size: 1 },
  }
}

const productsOf = (plan: Array<{ product: string }>) => plan.map((update) => update.product)

describe('planUpdates', () => {
  it('updates the collector before the app release that requires it', () => {
    const plan = planUpdates([
      { product: 'promonitor', release: release('7.4.0', { collector: '>=7.3.0' }) },
      { product: 'collector', release: release('7.3.0') },
    ])
    expect(productsOf(plan)).toEqual(['collector', 'promonitor'])
  })

  it('follows requirements through several products', () => {
    const plan = planUpdates([
      { product: 'cockpit', release: release('2.0.0', { promonitor: '>=7.4.0' }) },
      { product: 'promonitor', release: release('7.4.0', { collector: '>=7.3.0' }) },
      { product: 'collector', release: release('7.3.0') },
    ])
    expect(productsOf(plan)).toEqual(['collector', 'promonitor', 'cockpit'])
  })

  it('keeps the given order when nothing is required', () => {
    const plan = planUpdates([
      { product: 'promonitor', release: release('7.4.0') },
      { product: 'collector', release: release('7.3.0') },
    ])
    expect(productsOf(plan)).toEqual(['promonitor', 'collector'])
  })

  it('ignores a requirement on a product that is not being updated', () => {
    const plan = planUpdates([
      { product: 'promonitor', release: release('7.4.0', { cockpit: '>=2.0.0' }) },
    ])
    expect(productsOf(plan)).toEqual(['promonitor'])
  })

  it('keeps extra fields of each update', () => {
    const plan = planUpdates([
      { product: 'collector', release: release('7.3.0'), installId: 'c-1' },
    ])
    expect(plan[0].installId).toBe('c-1')
  })

  it('throws when requirements form a cycle', () => {
    expect(() =>
      planUpdates([
        { product: 'promonitor', release: release('7.4.0', { collector: '>=7.3.0' }) },
        { product: 'collector', release: release('7.3.0', { promonitor: '>=7.4.0' }) },
      ]),
    ).toThrow(/cycle/)
  })
})
