import { z } from 'zod'

import { badRequest, nonceMeta } from '../../clientApi'
import type { MeteredUse } from '../spendCredits'

const licenseKey = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(256, 'At most 256 characters')
  .meta({ description: 'License key (case and dashes do not matter)' })
const fingerprint = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(256, 'At most 256 characters')
  .meta({ description: 'The activated installation that used the credits' })
const nonce = z.string().min(1).max(256, 'At most 256 characters').meta(nonceMeta).optional()

export const maxQuantity = 1_000_000
export const maxBatchRecords = 100
/**
 * 100 records with 128-character keys and their times come to about 20 KB: more than one use's 16
 * KB.
 */
export const maxBatchBodyBytes = 64 * 1024
/** How far back a buffered use may be reported, and how far ahead a client clock may run. */
export const oldestUseMs = 7 * 24 * 60 * 60 * 1000
export const futureUseMs = 5 * 60 * 1000

const usageRecord = z.object({
  quantity: z
    .number({ error: 'Must be a whole number' })
    .int('Must be a whole number')
    .min(1, 'At least 1')
    .max(maxQuantity, `At most ${maxQuantity}`)
    .meta({ description: 'Credits this use spends' }),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{8,128}$/, '8 to 128 characters of A-Z a-z 0-9 . _ : -')
    .meta({ description: 'Chosen by the app per use; a retry sends the same one' }),
  occurredAt: z
    .string()
    .datetime({ offset: true, message: 'An ISO 8601 date-time' })
    .meta({
      description:
        'When the use happened (default: when received); at most 7 days old, 5 minutes ahead',
    })
    .optional(),
})

export const usageRequest = usageRecord.extend({ key: licenseKey, fingerprint, nonce })

export const usageBatchRequest = z.object({
  key: licenseKey,
  fingerprint,
  nonce,
  records: z
    .array(usageRecord)
    .min(1, 'At least 1 record')
    .max(maxBatchRecords, `At most ${maxBatchRecords} records`),
})

/**
 * The uses with their time: none older than 7 days or more than 5 minutes ahead, else 400 and
 * nothing is recorded.
 */
export const meteredUses = (
  records: Array<z.infer<typeof usageRecord>>,
  receivedAt: Date,
  path = (index: number) => `records.${index}.occurredAt`,
): MeteredUse[] =>
  records.map((record, index) => {
    const occurredAt = record.occurredAt === undefined ? receivedAt : new Date(record.occurredAt)
    if (occurredAt.getTime() < receivedAt.getTime() - oldestUseMs)
      throw badRequest(`${path(index)}: more than 7 days ago`)
    if (occurredAt.getTime() > receivedAt.getTime() + futureUseMs)
      throw badRequest(`${path(index)}: more than 5 minutes in the future`)
    return { quantity: record.quantity, idempotencyKey: record.idempotencyKey, occurredAt }
  })
