import { TrustStore } from '../../sdk'
import { updateConfig } from '../state/stateFolder'
import type { AgentConfig } from '../state/types'
import { fetchKeys, type RequestSigner } from './serverClient'

/** The pinned keys plus those the stored rotation chain leads to. */
export const loadTrust = async (config: AgentConfig): Promise<TrustStore> => {
  const trust = new TrustStore(config.trust.keys)
  await trust.acceptKeyStatements(config.trust.statements)
  return trust
}

/**
 * Follows the server's key rotation: statements signed by a trusted key add the new key, and the
 * chain is kept in agent.json. Whoever controls the network cannot add a key this way. Best effort:
 * an unreachable server leaves the pinned keys as they are (the manifest fetch reports it).
 */
export const refreshTrust = async (
  stateDir: string,
  config: AgentConfig,
  trust: TrustStore,
  sign?: RequestSigner,
): Promise<void> => {
  let statements: string[]
  try {
    ;({ statements } = await fetchKeys(config.server, sign))
  } catch {
    return
  }
  const accepted = await trust.acceptKeyStatements(statements)
  if (accepted.length === 0) return
  await updateConfig(stateDir, (current) => {
    current.trust.statements = [...new Set([...current.trust.statements, ...statements])]
  })
}
