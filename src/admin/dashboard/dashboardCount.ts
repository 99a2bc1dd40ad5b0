import type { CollectionSlug, Where } from 'payload'

/**
 * One number on the dashboard and the query of the list view that shows the records it counts
 * (none when there is nothing to show).
 */
export type DashboardCount = {
  label: string
  collection: CollectionSlug
  where?: Where
  count: number
}
