import type { JWK } from 'jose'

import type { ManifestArtifact } from '../../sdk'
import { AgentError } from '../errors'

/**
 * The headers of a request to a node's master relay (its pairing HMAC); absent when the agent
 * talks to the server itself.
 */
export type RequestSigner = (method: string, pathAndQuery: string) => Record<string, string>

const signedHeaders = (sign: RequestSigner | undefined, url: URL): Record<string, string> =>
  sign ? sign('GET', `${url.pathname}${url.search}`) : {}

export type ManifestScope = { product: string; line: string; channel: string; platform: string }

const networkError = (url: string, error: unknown): AgentError =>
  new AgentError(
    'NETWORK',
    `Cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`,
    { refused: false, retryable: true, cause: error },
  )

const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
  try {
    return await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: init.signal ?? AbortSignal.timeout(60_000),
    })
  } catch (error) {
    throw networkError(url, error)
  }
}

/** The server's `{ code, message }` refusal as an agent error (a 5xx is retryable). */
const serverRefusal = async (response: Response, what: string): Promise<AgentError> => {
  let body: { code?: unknown; message?: unknown } = {}
  try {
    body = (await response.json()) as typeof body
  } catch {
    // no JSON body: the status says enough
  }
  const code =
    typeof body.code === 'string'
      ? body.code
      : response.status >= 500
        ? 'SERVER_ERROR'
        : `HTTP_${response.status}`
  const message =
    typeof body.message === 'string' ? body.message : `${what} answered ${response.status}`
  return new AgentError(code, `${what}: ${message}`, {
    refused: response.status < 500,
    retryable: response.status >= 500 || response.status === 429,
  })
}

export const manifestScopeKey = ({ product, line, channel, platform }: ManifestScope): string =>
  `${product}/${line}/${channel}/${platform}`

/** The manifest response exactly as served: the SDK verifies it, nothing here reads it. */
export const fetchManifestText = async (
  server: string,
  scope: ManifestScope,
  sign?: RequestSigner,
): Promise<string> => {
  const url = new URL('/api/v1/updates/manifest', server)
  for (const [name, value] of Object.entries(scope)) url.searchParams.set(name, value)
  const response = await request(url.toString(), {
    headers: { accept: 'application/json', ...signedHeaders(sign, url) },
  })
  if (response.status !== 200) throw await serverRefusal(response, 'The manifest')
  return response.text()
}

/** `GET /api/v1/keys`: the JWKS and the key statements of the rotation chain. */
export const fetchKeys = async (
  server: string,
  sign?: RequestSigner,
): Promise<{ keys: JWK[]; statements: string[] }> => {
  const url = new URL('/api/v1/keys', server)
  const response = await request(url.toString(), { headers: signedHeaders(sign, url) })
  if (response.status !== 200) throw await serverRefusal(response, 'The key set')
  const body = (await response.json()) as { keys?: unknown; statements?: unknown }
  if (!Array.isArray(body.keys)) throw new AgentError('MALFORMED', 'The key set has no keys')
  return {
    keys: body.keys as JWK[],
    statements: Array.isArray(body.statements)
      ? body.statements.filter((item): item is string => typeof item === 'string')
      : [],
  }
}

/**
 * The short-lived file link of an artifact. The manifest's URL is signed but names the server's
 * public address; the path is taken from it and asked of the server this agent talks to.
 */
export const requestFileUrl = async (
  server: string,
  artifact: ManifestArtifact,
  licenseKey: string | undefined,
): Promise<string> => {
  let path = `/api/v1/downloads/${encodeURIComponent(artifact.id)}`
  try {
    const signed = new URL(artifact.url)
    if (signed.pathname.endsWith(`/downloads/${artifact.id}`)) path = signed.pathname
  } catch {
    // not an absolute URL: the artifact id names it
  }
  const response = await request(new URL(path, server).toString(), {
    headers: licenseKey ? { authorization: `License ${licenseKey}` } : {},
  })
  const location = response.headers.get('location')
  if (response.status !== 302 || !location) throw await serverRefusal(response, 'The download link')
  await response.body?.cancel()
  return new URL(location, server).toString()
}

/**
 * The file behind a download link, from byte `start` on (206) when the server resumes, whole (200)
 * otherwise.
 */
export const requestFile = async (
  url: string,
  { start, etag, signal }: { start: number; etag: string; signal?: AbortSignal },
): Promise<Response> => {
  const headers: Record<string, string> =
    start > 0 ? { range: `bytes=${start}-`, 'if-range': etag } : {}
  let response: Response
  try {
    response = await fetch(url, { headers, redirect: 'follow', signal })
  } catch (error) {
    throw networkError(url, error)
  }
  if (response.status !== 200 && response.status !== 206)
    throw await serverRefusal(response, 'The download')
  return response
}
