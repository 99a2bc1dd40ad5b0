import { randomBytes } from 'node:crypto'

import { AgentError } from '../errors'
import type { AgentConfig } from '../state/types'

/** A `/api/v1` answer: its HTTP status and JSON body. */
export type ServerAnswer = { status: number; body: Record<string, unknown> }

export const newNonce = (): string => randomBytes(16).toString('base64url')

export const isNetworkError = (error: unknown): boolean =>
  error instanceof AgentError && error.code === 'NETWORK'

/**
 * One JSON request to the server. Unreachable (or no answer in time): `NETWORK`, an error to
 * retry. A 5xx is `SERVER_ERROR` (also retryable); other statuses come back for the caller to
 * read.
 */
export const callServer = async (
  server: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  {
    body,
    headers = {},
    timeoutMs = 30_000,
    answerServerErrors = false,
  }: {
    body?: unknown
    headers?: Record<string, string>
    timeoutMs?: number
    /** Return a 5xx with its body (a relay's `MASTER_OFFLINE`) instead of throwing. */
    answerServerErrors?: boolean
  } = {},
): Promise<ServerAnswer> => {
  const url = new URL(path, server).toString()
  let response: Response
  let text: string
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    text = await response.text()
  } catch (error) {
    throw new AgentError(
      'NETWORK',
      `Cannot reach ${new URL(server).origin}: ${error instanceof Error ? error.message : String(error)}`,
      { refused: false, retryable: true, cause: error },
    )
  }
  let parsed: Record<string, unknown> = {}
  try {
    parsed = JSON.parse(text) as Record<string, unknown>
  } catch {
    // no JSON body: the status says enough
  }
  if (response.status >= 500 && !answerServerErrors)
    throw new AgentError('SERVER_ERROR', `The server answered ${response.status}`, {
      refused: false,
      retryable: true,
    })
  return { status: response.status, body: parsed }
}

/** A 4xx `{ code, message }` as a refusal. */
export const refusalOf = (answer: ServerAnswer, what: string): AgentError =>
  new AgentError(
    typeof answer.body.code === 'string' ? answer.body.code : `HTTP_${answer.status}`,
    `${what}: ${typeof answer.body.message === 'string' ? answer.body.message : `answered ${answer.status}`}`,
    { retryable: answer.status === 429 },
  )

/**
 * A slave or collector speaks only to its master's relay: what needs the server itself (activate,
 * master login, trial, usage) is refused with `LICENSED_BY_MASTER`.
 */
export const serverConfigOf = (config: AgentConfig, what: string): AgentConfig => {
  if (config.master)
    throw new AgentError(
      'LICENSED_BY_MASTER',
      `This installation is licensed through its master (${config.master.url}): ${what} is done on the master`,
    )
  return config
}
