import os from 'node:os'

import { type AgentContext, nowOf } from '../context'
import { AgentError, isAgentError } from '../errors'
import { callRelay, masterOf } from '../relay/nodeClient'
import { unsealLeaseFile } from '../relay/pairing'
import type { AgentConfig, AgentState } from '../state/types'
import { fingerprintOf, recordLicense, stateOfLicense } from './licenseRecord'
import { isNetworkError } from './licenseServer'
import { storeLicenseFile, verifyFileForInstallation } from './verifyLicense'

const nodePath = (fingerprint: string) => `/relay/v1/nodes/${encodeURIComponent(fingerprint)}`

const roleOf = (config: AgentConfig): string =>
  config.app.product === 'collector' ? 'collector' : 'slave'

/**
 * A slave's or collector's `license check`: leases a seat from its master's relay (201 new, 202
 * renewed) and keeps the server-signed file it hands over (sealed with the pairing secret for this
 * node's fingerprint) once unsealed and verified with the vendor's keys
 * (the master carries it, it cannot forge it). The state is `leased`; a lease the relay refuses,
 * or one that runs out while the master cannot be reached, is `lease-lost`.
 */
export const checkThroughMaster = async (
  context: AgentContext,
  config: AgentConfig,
  state: AgentState,
): Promise<{ failure?: AgentError }> => {
  const master = await masterOf(context.stateDir, config)
  const fingerprint = fingerprintOf(state)
  const now = nowOf(context)
  let answer: Awaited<ReturnType<typeof callRelay>>
  try {
    answer = await callRelay(master.url, master.secret, 'PUT', nodePath(fingerprint), {
      product: config.app.product,
      line: config.app.line,
      role: roleOf(config),
      hostname: os.hostname().slice(0, 255),
      appVersion: config.app.version,
    })
  } catch (error) {
    if (!isNetworkError(error)) throw error
    // The master is out of reach: the lease holds until its end, then it is lost.
    const held = state.license?.lease
    const holds = held !== null && held !== undefined && Date.parse(held.expiresAt) > now.getTime()
    await recordLicense(context, (record, _saved, notify) => {
      record.lastCheckAt = now.toISOString()
      if (holds) return
      if (record.state === 'leased')
        notify({ type: 'lease-lost', code: 'NETWORK', message: 'The master cannot be reached' })
      record.state = record.state === 'leased' ? 'lease-lost' : record.state
      record.code = 'NETWORK'
      record.lease = null
    })
    return holds ? {} : { failure: error as AgentError }
  }

  const lease = state.license?.lease
  const leaseHolds =
    lease !== null && lease !== undefined && Date.parse(lease.expiresAt) > now.getTime()
  if (answer.status >= 500 && leaseHolds) {
    // The relay is up but its master cannot reach the server: the lease holds until its end.
    await recordLicense(context, (record) => {
      record.lastCheckAt = now.toISOString()
      record.code = String(answer.body.code ?? 'MASTER_OFFLINE')
    })
    return {}
  }
  if (answer.status !== 201 && answer.status !== 202) {
    const failure = new AgentError(
      String(answer.body.code ?? `HTTP_${answer.status}`),
      `The master's relay: ${String(answer.body.message ?? answer.status)}`,
      { refused: answer.status < 500 || answer.body.code === 'MASTER_OFFLINE' },
    )
    await recordLicense(context, (record, _saved, notify) => {
      record.lastCheckAt = now.toISOString()
      if (record.state === 'leased') {
        notify({ type: 'lease-lost', code: failure.code, message: failure.message })
        record.state = 'lease-lost'
      } else if (answer.status === 409 || answer.status === 410) record.state = 'invalid'
      record.code = failure.code
      record.lease = null
    })
    return { failure }
  }

  const granted = answer.body.lease as { expiresAt: string; ttlSeconds: number }
  try {
    // Sealed for this node by the pairing secret; then verified with the vendor's keys.
    const licenseFile = unsealLeaseFile(master.secret, fingerprint, answer.body.sealedLicenseFile)
    const claims = await verifyFileForInstallation(licenseFile, {
      config,
      fingerprint,
      now,
      latestSeenAt: state.license?.latestSeenAt ?? null,
    })
    await recordLicense(context, async (record, _saved, notify) => {
      const wasLeased = record.state === 'leased'
      await storeLicenseFile(context.stateDir, record, licenseFile, claims)
      record.source = 'master'
      record.lastCheckAt = now.toISOString()
      record.lease = { expiresAt: granted.expiresAt, ttlSeconds: granted.ttlSeconds }
      const decided = stateOfLicense(record.license!, null, now)
      const usable = ['trial', 'valid', 'expiring'].includes(decided.state)
      record.state = usable ? 'leased' : decided.state
      record.code = answer.body.offline ? 'MASTER_OFFLINE' : decided.code
      if (usable && !wasLeased)
        notify({ type: 'lease-acquired', message: `A seat was leased from ${master.url}` })
    })
    return {}
  } catch (error) {
    if (!isAgentError(error)) throw error
    // A file the vendor's keys do not vouch for (or not for this node) is refused: nothing kept.
    await recordLicense(context, (record, _saved, notify) => {
      notify({ type: 'error', code: error.code, message: error.message })
      if (record.state === 'leased')
        notify({ type: 'lease-lost', code: error.code, message: error.message })
      record.state = 'invalid'
      record.code = error.code
      record.lease = null
      record.lastCheckAt = now.toISOString()
    })
    return { failure: error }
  }
}

/** A node's `license deactivate`: gives its lease back (the master frees the seat on the server). */
export const releaseLease = async (
  context: AgentContext,
  config: AgentConfig,
  state: AgentState,
): Promise<void> => {
  const master = await masterOf(context.stateDir, config)
  const answer = await callRelay(
    master.url,
    master.secret,
    'DELETE',
    nodePath(fingerprintOf(state)),
  )
  if (answer.status !== 204 && answer.status !== 404)
    throw new AgentError(
      String(answer.body.code ?? `HTTP_${answer.status}`),
      `The master's relay: ${String(answer.body.message ?? answer.status)}`,
    )
}
