import type { LoadRequest } from './loadTest'
import type { PreparedData } from './preparedData'
import type { RecordedAnswer } from './recordedAnswers'

/** `apiHostWorkers`: the API host with API_HOST_WORKERS > 1 (one process per core). */
export type ServerName = 'apiHost' | 'apiHostWorkers' | 'nextStart' | 'bare'

export type Scenario = {
  id: 'validate' | 'manifest' | 'manifest304'
  title: string
  request: LoadRequest
  servers: ServerName[]
}

export const manifestPath =
  '/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable&platform=linux-x64'

/** Headers the replaying server sets itself (or that describe the connection, not the answer). */
const notReplayed = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

class ScenarioUnavailable extends Error {}

/**
 * Asks the API host once and checks the answer is the real thing (a VALID validation, a signed
 * manifest with an ETag), so a figure is never measured on an error path. A missing endpoint
 * fails loudly, naming who is expected to add it.
 */
const record = async (
  baseUrl: string,
  request: LoadRequest,
  check: (response: Response, body: Buffer) => string | undefined,
  owner: string,
) => {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: {
      ...(request.body ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    },
    body: request.body,
  })
  const body = Buffer.from(await response.arrayBuffer())
  if (response.status === 404 && body.toString().includes('No endpoint')) {
    throw new ScenarioUnavailable(
      `${request.method} ${request.path.split('?')[0]} is not served by the API host yet (404 NOT_FOUND): ${owner} has not added it.`,
    )
  }
  const problem = check(response, body)
  if (problem)
    throw new ScenarioUnavailable(
      `${request.method} ${request.path} answered ${response.status} ${body.toString().slice(0, 300)}: ${problem}`,
    )
  const answer: RecordedAnswer = {
    method: request.method,
    path: request.path,
    conditional: Boolean(request.headers?.['if-none-match']),
    status: response.status,
    headers: [...response.headers].filter(([name]) => !notReplayed.has(name)),
    bodyBase64: body.toString('base64'),
  }
  return { answer, response, body }
}

const jsonOf = (body: Buffer): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}

export type PreparedScenario = { scenario: Scenario; answer?: RecordedAnswer; unavailable?: string }

/**
 * The three request scenarios, each recorded once from the API host (or marked unavailable, with
 * why).
 */
export const prepareScenarios = async (
  apiHostUrl: string,
  prepared: PreparedData,
  everyServer: ServerName[],
): Promise<PreparedScenario[]> => {
  const results: PreparedScenario[] = []
  const attempt = async (
    scenario: Scenario,
    check: Parameters<typeof record>[2],
    owner: string,
  ) => {
    try {
      const { answer, response } = await record(apiHostUrl, scenario.request, check, owner)
      results.push({ scenario, answer })
      return response
    } catch (error) {
      if (!(error instanceof ScenarioUnavailable)) throw error
      results.push({ scenario, unavailable: error.message })
      return undefined
    }
  }

  await attempt(
    {
      id: 'validate',
      title: 'POST /api/v1/licenses/validate',
      request: {
        path: '/api/v1/licenses/validate',
        method: 'POST',
        body: JSON.stringify({ key: prepared.licenseKey, nonce: 'bench-nonce-0001' }),
        expectedStatus: 200,
      },
      servers: everyServer,
    },
    (response, body) => {
      const json = jsonOf(body)
      if (response.status !== 200) return 'expected 200'
      if (json?.code !== 'VALID' || typeof json.signed !== 'string')
        return 'expected a signed VALID answer for the seeded license'
    },
    'the licensing plugin',
  )

  const manifest = await attempt(
    {
      id: 'manifest',
      title: 'GET /api/v1/updates/manifest (200)',
      request: { path: manifestPath, method: 'GET', expectedStatus: 200 },
      servers: everyServer,
    },
    (response, body) => {
      if (response.status !== 200) return 'expected 200'
      if (typeof jsonOf(body)?.signed !== 'string') return 'expected a signed manifest'
      if (!response.headers.get('etag')) return 'expected an ETag (the 304 path needs it)'
    },
    'the updates plugin',
  )

  const etag = manifest?.headers.get('etag')
  const conditional: Scenario = {
    id: 'manifest304',
    title: 'GET /api/v1/updates/manifest (304)',
    request: {
      path: manifestPath,
      method: 'GET',
      headers: { 'if-none-match': etag ?? '' },
      expectedStatus: 304,
    },
    servers: everyServer,
  }
  if (!etag)
    results.push({
      scenario: conditional,
      unavailable: 'No manifest ETag to send as If-None-Match (see the manifest scenario).',
    })
  else
    await attempt(
      conditional,
      (response) =>
        response.status === 304
          ? undefined
          : 'expected 304 for If-None-Match with the current ETag',
      'the updates plugin',
    )

  return results
}
