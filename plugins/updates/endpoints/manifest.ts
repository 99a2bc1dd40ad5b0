import { z } from 'zod'

import { clientEndpoint, readQuery, type FastAnswer } from '../../clientApi'
import { getManifest, manifestCacheOf, type ManifestAnswer, type ManifestQuery } from '../manifestCache'
import { wholeResponse, type WholeAnswer } from '../../shared/bufferedResponse'

const manifestQuery = z.object({
  product: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a product slug such as promonitor'),
  line: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a line such as v7'),
  channel: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, 'a channel: stable, beta or alpha'),
  platform: z.string().regex(/^[a-z0-9]+-[a-z0-9_]+$/, 'a platform such as linux-x64').max(60),
})

/** `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for this header), or is `*`. */
const isNotModified = (ifNoneMatch: string | null, etag: string): boolean =>
  Boolean(ifNoneMatch) &&
  ifNoneMatch!.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
  })

const manifestAnswer = (answer: ManifestAnswer, ifNoneMatch: string | null | undefined): WholeAnswer => {
  const headers = { etag: answer.etag, 'cache-control': 'public, max-age=60' }
  if (isNotModified(ifNoneMatch ?? null, answer.etag)) return { status: 304, headers }
  return { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: answer.body }
}

/** The query when it is exactly the four parameters, each once; any other shape takes the validating path. */
const plainManifestQuery = (searchParams: URLSearchParams): ManifestQuery | undefined => {
  if (searchParams.size !== 4) return undefined
  const product = searchParams.get('product')
  const line = searchParams.get('line')
  const channel = searchParams.get('channel')
  const platform = searchParams.get('platform')
  return product !== null && line !== null && channel !== null && platform !== null ? { product, line, channel, platform } : undefined
}

/** A manifest this instance holds and need not check yet, answered without a PayloadRequest (see `clientEndpoint`). */
const answerFromCache: FastAnswer = ({ payload, searchParams, header }) => {
  const query = plainManifestQuery(searchParams)
  const cached = query && manifestCacheOf(payload).freshAnswerFor(query)
  return cached ? manifestAnswer(cached, header('if-none-match')) : undefined
}

const errorSchema = { $ref: '#/components/schemas/Error' }

export const manifestEndpoint = clientEndpoint({
  path: '/v1/updates/manifest',
  method: 'get',
  openapi: {
    summary: 'Signed update manifest of a product line, channel and platform',
    description:
      'The same signed bytes for every app (no nonce): freshness comes from `expiresAt` and `sequence`, which grows with every change of the channel and never goes down. A `beta` manifest also lists `stable` releases, `alpha` lists all. Staged rollout is decided by the app: it is in a release’s rollout when sha256(installId + ":" + version), read as a number mod 100, is below `rolloutPercent`; outside the newest release’s rollout it takes the newest release whose rollout it is in. Verify with the SDK’s `checkForUpdate`. Cacheable: `ETag`, `Cache-Control: public, max-age=60`, 304 on `If-None-Match`.',
    tags: ['updates'],
    parameters: [
      { name: 'product', in: 'query', required: true, schema: { type: 'string', examples: ['promonitor'] } },
      { name: 'line', in: 'query', required: true, schema: { type: 'string', examples: ['v7'] } },
      { name: 'channel', in: 'query', required: true, schema: { type: 'string', enum: ['stable', 'beta', 'alpha'] } },
      { name: 'platform', in: 'query', required: true, schema: { type: 'string', examples: ['linux-x64'] } },
      { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
    ],
    responses: {
      200: {
        description: '`{ signed, ...manifest }`; `signed` is a compact JWS (`typ: manifest+jws`) of the manifest fields.',
        headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['signed', 'product', 'line', 'channel', 'platform', 'sequence', 'issuedAt', 'expiresAt', 'releases', 'pulled'],
              properties: {
                signed: { type: 'string' },
                product: { type: 'string' },
                line: { type: 'string' },
                channel: { type: 'string' },
                platform: { type: 'string' },
                sequence: { type: 'integer', minimum: 0 },
                issuedAt: { type: 'string', format: 'date-time' },
                expiresAt: { type: 'string', format: 'date-time' },
                releases: {
                  type: 'array',
                  maxItems: 10,
                  items: {
                    type: 'object',
                    properties: {
                      version: { type: 'string' },
                      releasedAt: { type: 'string', format: 'date-time' },
                      critical: { type: 'boolean' },
                      minimumUpgradeFrom: { type: ['string', 'null'] },
                      rolloutPercent: { type: 'number', minimum: 0, maximum: 100 },
                      requires: { type: 'object', additionalProperties: { type: 'string' }, examples: [{ collector: '>=7.3.0' }] },
                      notesUrl: { type: ['string', 'null'] },
                      summary: { type: ['string', 'null'] },
                      artifact: {
                        type: 'object',
                        properties: { id: { type: 'string' }, url: { type: 'string' }, sha256: { type: 'string' }, size: { type: 'integer' } },
                      },
                    },
                  },
                },
                pulled: {
                  type: 'array',
                  items: { type: 'object', properties: { version: { type: 'string' }, rollbackTo: { type: ['string', 'null'] } } },
                },
              },
            },
          },
        },
      },
      304: { description: 'Not modified (the `If-None-Match` ETag is current).' },
      400: { description: '`BAD_REQUEST`: a parameter is missing or malformed.', content: { 'application/json': { schema: errorSchema } } },
      404: {
        description: '`UNKNOWN_PRODUCT`, `UNKNOWN_LINE`, `UNKNOWN_CHANNEL` or `UNKNOWN_PLATFORM`.',
        content: { 'application/json': { schema: errorSchema } },
      },
    },
  },
  handler: async (req) => {
    const query = readQuery(req, manifestQuery)
    const answer = await getManifest(req.payload, query)
    return wholeResponse(manifestAnswer(answer, req.headers.get('if-none-match')))
  },
  fastAnswer: answerFromCache,
})
