import type { ManifestRelease } from './types'

export type PlannedUpdate = { product: string; release: ManifestRelease }

/**
 * Orders updates so that a product another release `requires` is updated first (the collector
 * before the app that needs the newer collector). Otherwise the given order is kept. Requirements
 * on products not in the list are left to the caller. Throws when requirements form a cycle.
 */
export function planUpdates<Update extends PlannedUpdate>(decisions: Update[]): Update[] {
  const requiredProducts = (decision: Update): string[] =>
    Object.keys(decision.release.requires ?? {}).filter((product) => product !== decision.product)

  const ordered: Update[] = []
  let remaining = [...decisions]
  while (remaining.length > 0) {
    const waitingProducts = new Set(remaining.map((decision) => decision.product))
    const ready = remaining.filter(
      (decision) => !requiredProducts(decision).some((product) => waitingProducts.has(product)),
    )
    if (ready.length === 0) {
      const stuck = remaining.map((decision) => decision.product).join(', ')
      throw new Error(`Update requirements form a cycle between: ${stuck}`)
    }
    ordered.push(...ready)
    remaining = remaining.filter((decision) => !ready.includes(decision))
  }
  return ordered
}
