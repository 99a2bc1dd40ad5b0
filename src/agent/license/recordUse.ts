import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'

import { SignedKind } from '../../sdk'
import { type AgentContext, nowOf } from '../context'
import { AgentError, isAgentError } from '../errors'
import { readConfig, readState } from '../state/stateFolder'
import type { AgentConfig } from '../state/types'
import { callServer, newNonce, refusalOf, serverConfigOf } from './licenseServer'
import { emptyLicenseRecord, fingerprintOf, recordLicense } from './licenseRecord'
import { unseal } from './sealedSecrets'
import type { AnsweredUse, PendingUse } from './types'
import { verifyAnswer } from './verifyLicense'

const idempotencyKeyPattern = /^[A-Za-z0-9._:-]{8,128}$/
/** Waits between the tries of one use: a lost answer is asked again with the same key. */
const retryDelaysMs = [0, 500, 1_500, 3_000]

export type UseOptions = { quantity: number; id?: string; requestTimeoutMs?: number }

const isTransient = (error: unknown): boolean =>
  isAgentError(error) &&
  (error.code === 'NETWORK' || error.code === 'SERVER_ERROR' || error.retryable)

/** One try of one use; the server answers a key it knows with its first decision (`replayed`). */
const sendUse = async (
  config: AgentConfig,
  key: string,
  fingerprint: string,
  use: PendingUse,
  timeoutMs: number,
): Promise<Record<string, unknown>> => {
  const nonce = newNonce()
  const answer = await callServer(config.server, 'POST', '/api/v1/usage', {
    body: { key, fingerprint, ...use, nonce },
    timeoutMs,
  })
  if (answer.status !== 200) throw refusalOf(answer, 'The use')
  return verifyAnswer(config, answer.body, SignedKind.usage, nonce)
}

/**
 * Sends every persisted use not yet answered, oldest first, each retried with its own key until
 * the server answers (a few tries; what is left waits for the next use or check). Answers are
 * recorded as they come: credits, `no-credit` on `NO_CREDIT`.
 */
export const sendPendingUses = async (
  context: AgentContext,
  { requestTimeoutMs = 15_000 }: { requestTimeoutMs?: number } = {},
): Promise<{ answered: AnsweredUse[]; failure?: AgentError }> => {
  const config = serverConfigOf(await readConfig(context.stateDir), 'metering')
  const state = await readState(context.stateDir)
  const record = { ...emptyLicenseRecord(), ...state.license }
  if (!record.sealedKey) return { answered: [] }
  const key = await unseal(context.stateDir, record.sealedKey)
  const answered: AnsweredUse[] = []
  for (const use of record.pendingUses) {
    let fields: Record<string, unknown> | undefined
    let failure: unknown
    for (const delay of retryDelaysMs) {
      await sleep(delay)
      try {
        fields = await sendUse(config, key, fingerprintOf(state), use, requestTimeoutMs)
        break
      } catch (error) {
        failure = error
        if (!isTransient(error)) break
      }
    }
    if (!fields) {
      if (isTransient(failure))
        return {
          answered,
          failure: new AgentError(
            'NETWORK_REQUIRED',
            'An on-usage license needs the network to count a use; it is kept and sent when the server answers',
            { retryable: true, details: { idempotencyKey: use.idempotencyKey } },
          ),
        }
      // Refused as such (bad input, the key used for another quantity): answered, never resent.
      if (!isAgentError(failure) || !failure.refused) throw failure
    }
    const decision: AnsweredUse = {
      idempotencyKey: use.idempotencyKey,
      code: fields ? String(fields.code) : (failure as AgentError).code,
      quantity: fields ? Number(fields.quantity) : use.quantity,
      remaining: typeof fields?.remaining === 'number' ? fields.remaining : null,
      replayed: fields?.replayed === true,
      answeredAt: nowOf(context).toISOString(),
    }
    answered.push(decision)
    await recordLicense(context, (current) => {
      current.pendingUses = current.pendingUses.filter(
        (pending) => pending.idempotencyKey !== use.idempotencyKey,
      )
      current.answeredUses.push(decision)
      if (decision.remaining !== null) current.credits = decision.remaining
      // No credit left (refused, or this use took the last): further uses wait for a top-up.
      if (
        decision.code === 'NO_CREDIT' ||
        (decision.remaining !== null && decision.remaining <= 0)
      ) {
        current.state = 'no-credit'
        current.code = 'NO_CREDIT'
      }
    })
  }
  return { answered }
}

/**
 * `license usage --quantity N [--id KEY]`: one use of an on-usage license. Its idempotency key is
 * persisted before it is sent, so a crash or a lost answer never counts it twice nor loses it; a
 * use with a key already answered gets that answer again. Refused while the state is `no-credit`
 * (a check that shows credits again lifts it), and without the network (`NETWORK_REQUIRED`).
 */
export const recordUse = async (context: AgentContext, options: UseOptions) => {
  const quantity = Number(options.quantity)
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000)
    throw new AgentError('BAD_REQUEST', 'The quantity must be a whole number from 1 to 1,000,000')
  if (options.id !== undefined && !idempotencyKeyPattern.test(options.id))
    throw new AgentError('BAD_REQUEST', 'The id must be 8 to 128 characters of A-Z a-z 0-9 . _ : -')
  const idempotencyKey = options.id ?? `use-${randomUUID()}`
  serverConfigOf(await readConfig(context.stateDir), 'metering')
  const state = await readState(context.stateDir)
  const before = { ...emptyLicenseRecord(), ...state.license }
  const known = before.answeredUses.find((use) => use.idempotencyKey === idempotencyKey)
  if (known) return answerOfUse(context, known)
  if (!before.sealedKey) throw new AgentError('UNLICENSED', 'No license: activate one first')
  if (before.license && before.license.type !== 'on-usage')
    throw new AgentError('NOT_METERED', 'This license is not an on-usage license')
  const isPending = before.pendingUses.some((use) => use.idempotencyKey === idempotencyKey)
  if (!isPending) {
    if (before.state === 'no-credit')
      throw new AgentError('NO_CREDIT', 'No usage credits left: top up, then check the license')
    await recordLicense(context, (record) => {
      record.pendingUses.push({
        idempotencyKey,
        quantity,
        occurredAt: nowOf(context).toISOString(),
      })
    })
  }
  const { answered, failure } = await sendPendingUses(context, {
    requestTimeoutMs: options.requestTimeoutMs,
  })
  const mine = answered.find((use) => use.idempotencyKey === idempotencyKey)
  if (!mine) throw failure ?? new AgentError('NETWORK_REQUIRED', 'The use could not be sent')
  return answerOfUse(context, mine)
}

const answerOfUse = async (context: AgentContext, use: AnsweredUse) => {
  const status = await recordLicense(context, () => undefined)
  const { notifications: _notifications, ...license } = status
  const answer = { use, license }
  if (use.code === 'RECORDED') return answer
  return { ...answer, refusal: { code: use.code, message: `The use was not counted: ${use.code}` } }
}
