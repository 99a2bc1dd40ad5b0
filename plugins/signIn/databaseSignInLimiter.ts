import type { Payload, PayloadRequest } from 'payload'

import { drizzleFor, eq, sql, tableOf, type DrizzleDatabase } from '../../src/database/database'
import { signInFailuresSlug } from './collections/SignInFailures'
import {
  accountAndAddressKeyOf,
  accountOf,
  addressKeyOf,
  type Admission,
  type SignInLimiter,
} from './signInLimiter'
import type { SignInBudget, SignInBudgets } from './types'

type Count = { failures: number; windowEndsAt: number }

/**
 * One more under `key`, in one atomic upsert: a window that has run out starts over at 1, so
 * instances racing on one key each get their own count and none is lost.
 */
const countOne = async (
  database: DrizzleDatabase,
  table: DrizzleDatabase,
  key: string,
  account: string | null,
  { windowMs }: SignInBudget,
  now: Date,
): Promise<Count> => {
  const nowIso = now.toISOString()
  const windowOver = sql`${table.windowStartedAt} <= ${new Date(now.getTime() - windowMs).toISOString()}`
  const [row] = await database
    .insert(table)
    .values({
      key,
      account,
      failures: 1,
      windowStartedAt: nowIso,
      createdAt: nowIso,
      updatedAt: nowIso,
    })
    .onConflictDoUpdate({
      target: table.key,
      set: {
        failures: sql`CASE WHEN ${windowOver} THEN 1 ELSE ${table.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${windowOver} THEN ${nowIso} ELSE ${table.windowStartedAt} END`,
        updatedAt: nowIso,
      },
    })
    .returning({ failures: table.failures, windowStartedAt: table.windowStartedAt })
  return {
    failures: Number(row.failures),
    windowEndsAt: new Date(row.windowStartedAt).getTime() + windowMs,
  }
}

const refusal = ({ windowEndsAt }: Count, now: Date): Admission => ({
  admitted: false,
  retryAfterSeconds: Math.max(1, Math.ceil((windowEndsAt - now.getTime()) / 1000)),
})

/** Failures counted in the `sign-in-failures` collection: the budgets hold across instances. */
export const databaseSignInLimiter = (
  payload: Payload,
  budgets: Required<SignInBudgets>,
): SignInLimiter => {
  const table = () => tableOf(payload, signInFailuresSlug)
  return {
    admit: async (attempt, now = new Date()) => {
      const database = payload.db.drizzle
      const byAddress = await countOne(
        database,
        table(),
        addressKeyOf(attempt),
        null,
        budgets.perAddress,
        now,
      )
      if (byAddress.failures > budgets.perAddress.limit) return refusal(byAddress, now)
      const byAccount = await countOne(
        database,
        table(),
        accountAndAddressKeyOf(attempt),
        accountOf(attempt),
        budgets.perAccountAndAddress,
        now,
      )
      if (byAccount.failures > budgets.perAccountAndAddress.limit) return refusal(byAccount, now)
      return { admitted: true }
    },
    succeeded: async (attempt, req?: Partial<PayloadRequest>) => {
      const database = await drizzleFor(payload, req)
      const failures = table()
      await database.delete(failures).where(eq(failures.key, accountAndAddressKeyOf(attempt)))
      await database
        .update(failures)
        .set({
          failures: sql`CASE WHEN ${failures.failures} > 0 THEN ${failures.failures} - 1 ELSE 0 END`,
        })
        .where(eq(failures.key, addressKeyOf(attempt)))
    },
    forgetAccount: async (account, req?: Partial<PayloadRequest>) => {
      const database = await drizzleFor(payload, req)
      const failures = table()
      await database.delete(failures).where(eq(failures.account, accountOf(account)))
    },
  }
}
