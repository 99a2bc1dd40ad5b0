import type { CollectionBeforeChangeHook } from 'payload'

/** A release gets its `releasedAt` when it is first published, unless staff set one. */
export const stampReleasedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data }
  if (merged.status === 'published' && merged._status !== 'draft' && !merged.releasedAt) {
    return { ...data, releasedAt: new Date().toISOString() }
  }
  return data
}
