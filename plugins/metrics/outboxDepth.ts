import { Gauge } from 'prom-client'
import type { Payload } from 'payload'

import { metricsRegistry } from './registry'

/** The statuses of mail still to send, or given up on; sent mail only grows and is left out. */
const countedStatuses = ['queued', 'sending', 'failed'] as const

/**
 * A scrape does not wait longer for the database: the primary gives up on a worker after 5 s, and
 * prom-client's primary does not expect an answer after that.
 */
const countTimeoutMs = 1_500

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
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${countTimeoutMs} ms`)),
        countTimeoutMs,
      )
    })
    try {
      const counts = await Promise.race([
        Promise.all(
          countedStatuses.map((status) =>
            payload.count({ collection: 'outbox', where: { status: { equals: status } } }),
          ),
        ),
        timeout,
      ])
      countedStatuses.forEach((status, index) => this.set({ status }, counts[index].totalDocs))
    } catch (error) {
      payload.logger.warn(`Metrics: could not count the outbox (${(error as Error).message})`)
    } finally {
      clearTimeout(timer)
    }
  },
})
