import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { serveApi, type ApiServer } from '../helpers/serveApi'

type Operation = {
  summary?: string
  requestBody?: { content: Record<string, { schema: { required?: string[] } }> }
  responses: Record<string, unknown>
}

const licensingOperations: Array<[string, string, string[]]> = [
  ['/api/v1/keys', 'get', ['200']],
  ['/api/v1/licenses/validate', 'post', ['200', '400']],
  ['/api/v1/licenses/activate', 'post', ['200', '400']],
  ['/api/v1/licenses/deactivate', 'post', ['200', '400']],
  ['/api/v1/app/companies', 'get', ['200', '401']],
  ['/api/v1/app/license', 'post', ['200', '400', '401', '403']],
  ['/api/v1/app/license-key', 'post', ['200', '400', '401', '403']],
  ['/api/v1/trials', 'post', ['201', '400', '409', '429']],
  ['/api/v1/reseller/licenses', 'post', ['201', '400', '401', '403', '409']],
  ['/api/v1/reseller/licenses', 'get', ['200', '401', '403']],
]

describe('OpenAPI document of the licensing client API', () => {
  let booted: TestPayload
  let api: ApiServer
  let document: { paths: Record<string, Record<string, Operation>> }

  beforeAll(async () => {
    booted = await bootPayload()
    api = await serveApi(booted)
    document = (await api.call('GET', '/api/v1/openapi.json')).body as never
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })

  it.each(licensingOperations)(
    'documents %s %s with a summary and its answers',
    (path, method, statuses) => {
      const operation = document.paths[path]?.[method]
      expect(operation, `${method.toUpperCase()} ${path}`).toBeDefined()
      expect(operation.summary).toBeTruthy()
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(statuses))
      if (method === 'post')
        expect(
          operation.requestBody?.content['application/json'].schema.required?.length,
        ).toBeGreaterThan(0)
    },
  )

  it('documents every /v1 endpoint this app serves, so the document stays true', () => {
    const served = booted.payload.config.endpoints
      .filter(
        (endpoint) => endpoint.path.startsWith('/v1/') && endpoint.path !== '/v1/openapi.json',
      )
      .map((endpoint) => `${endpoint.method} /api${endpoint.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`)
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    )
    expect(documented).toEqual(expect.arrayContaining(served))
  })

  it('lists the validation codes the protocol answers', () => {
    const schema = JSON.stringify(document.paths['/api/v1/licenses/validate'].post.responses['200'])
    for (const code of [
      'VALID',
      'NOT_FOUND',
      'EXPIRED',
      'SUSPENDED',
      'NOT_STARTED',
      'PRODUCT_MISMATCH',
      'LINE_MISMATCH',
      'NO_ACTIVATION',
      'NO_CREDIT',
    ])
      expect(schema).toContain(code)
  })
})
