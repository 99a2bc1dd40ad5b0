import { Gauge } from 'prom-client'
import type { Payload } from 'payload'

import { metricsRegistry } from './registry'

/** The statuses of mail still to send, or given up on; sent mail only grows and is left out. */
const countedStatuses = ['queued', 'sending', 'failed'] as const

let watched: Payload | undefined

/** The Payload whose outbox the gauge reads at each scrape (the last one this process booted). */
export const watchOutbox = (payload: Payload): void => {
  watched = payload
}

/**
 * Mails in the outbox by status, read from the database at each scrape. Every instance reads the
 * same table, so the API host's workers are combined by `max`, not added up.
 */
export const outboxDepth = new Gauge({
  name: 'hub_outbox_mails',
  help: 'Mails in the outbox by status: queued and sending (the depth), failed (given up)',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
  aggregator: 'max',
  async collect() {
    const payload = watched
    if (!payload) return
    this.reset()
    try {
      for (const status of countedStatuses) {
        const { totalDocs } = await payload.count({
          collection: 'outbox',
          where: { status: { equals: status } },
        })
        this.set({ status }, totalDocs)
      }
    } catch (error) {
      payload.logger.warn(`Metrics: could not count the outbox (${(error as Error).message})`)
    }
  },
})
