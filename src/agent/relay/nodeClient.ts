import type { JWK } from 'jose'

import { AgentError } from '../errors'
import { callServer, type ServerAnswer } from '../license/licenseServer'
import { unseal } from '../license/sealedSecrets'
import type { AgentConfig } from '../state/types'
import type { RequestSigner } from '../update/serverClient'
import { relayHeaders } from './pairing'

/** One request of a paired node to its master's relay, signed with the pairing secret. */
export const callRelay = async (
  masterUrl: string,
  secret: string,
  method: 'GET' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ServerAnswer> => {
  const text = body === undefined ? '' : JSON.stringify(body)
  return callServer(masterUrl, method, path, {
    ...(body === undefined ? {} : { body }),
    answerServerErrors: true,
    headers: relayHeaders(secret, { method, path, body: text }),
  })
}

/** The node's master and its pairing secret, from agent.json. */
export const masterOf = async (
  stateDir: string,
  config: AgentConfig,
): Promise<{ url: string; secret: string }> => {
  if (!config.master) throw new AgentError('NO_MASTER', 'This installation has no master')
  return { url: config.master.url, secret: await unseal(stateDir, config.master.sealedSecret) }
}

/** `init --master URL` without --trust: the vendor's keys the master pinned (`GET /relay/v1/keys`). */
export const fetchMasterKeys = async (masterUrl: string, secret: string): Promise<JWK[]> => {
  const answer = await callRelay(masterUrl, secret, 'GET', '/relay/v1/keys')
  if (answer.status !== 200)
    throw new AgentError(
      String(answer.body.code ?? `HTTP_${answer.status}`),
      `The master's relay refused the keys: ${String(answer.body.message ?? answer.status)}`,
    )
  if (!Array.isArray(answer.body.keys)) throw new AgentError('MALFORMED', 'The master sent no keys')
  return answer.body.keys as JWK[]
}

/**
 * A node's update checks go to its master's relay, which forwards them to the server verbatim:
 * the requests carry the pairing HMAC. Undefined for an agent that talks to the server itself.
 */
export const requestSignerOf = async (
  stateDir: string,
  config: AgentConfig,
): Promise<RequestSigner | undefined> => {
  if (!config.master) return undefined
  const secret = await unseal(stateDir, config.master.sealedSecret)
  return (method, pathAndQuery) => relayHeaders(secret, { method, path: pathAndQuery, body: '' })
}
