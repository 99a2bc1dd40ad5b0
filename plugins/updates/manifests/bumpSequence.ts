import type { Payload, PayloadRequest } from 'payload'

import { and, drizzleFor, eq, sql, tableOf } from '../../../src/database/database'
import type { ReleaseChannel } from '../channels'

export type ChannelOfLine = { productId: number | string; line: string; channel: ReleaseChannel }

const channelKey = ({ productId, line, channel }: ChannelOfLine) =>
  `${productId}\u0000${line}\u0000${channel}`

/**
 * Adds one to the sequence of each channel (creating its row on first use), each with a single
 * atomic statement, inside the request's transaction when there is one. Channels are bumped in a
 * fixed order so two transactions never wait on each other's rows. Answers the channels bumped,
 * whose cached manifests the caller forgets (`forgetCachedChannels`).
 */
export const bumpSequences = async (
  payload: Payload,
  channels: ChannelOfLine[],
  req?: Partial<PayloadRequest>,
): Promise<ChannelOfLine[]> => {
  const unique = [
    ...new Map(channels.map((channel) => [channelKey(channel), channel])).values(),
  ].sort((left, right) => channelKey(left).localeCompare(channelKey(right)))
  if (unique.length === 0) return []
  const table = tableOf(payload, 'update-channels')
  const database = await drizzleFor(payload, req)
  for (const { productId, line, channel } of unique) {
    const now = new Date().toISOString()
    const created = await database
      .insert(table)
      .values({ product: productId, line, channel, sequence: 1, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: table.id })
    if (created.length > 0) continue
    await database
      .update(table)
      .set({ sequence: sql`${table.sequence} + 1`, updatedAt: now })
      .where(and(eq(table.product, productId), eq(table.line, line), eq(table.channel, channel)))
  }
  return unique
}

/** The current sequence of a channel; 0 before anything was ever published on it. */
export const readSequence = async (
  payload: Payload,
  { productId, line, channel }: ChannelOfLine,
): Promise<number> => {
  const table = tableOf(payload, 'update-channels')
  const rows = await payload.db.drizzle
    .select({ sequence: table.sequence })
    .from(table)
    .where(and(eq(table.product, productId), eq(table.line, line), eq(table.channel, channel)))
    .limit(1)
  return rows.length > 0 ? Number(rows[0].sequence) : 0
}
