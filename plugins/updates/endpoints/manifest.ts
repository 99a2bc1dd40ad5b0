import { z } from 'zod'

import { releaseChannels } from '../../../collections/Releases'
import {
  clientEndpoint,
  documentedAnswer,
  queryParameters,
  readQuery,
  refusal,
  type FastAnswer,
} from '../../clientApi'
import {
  getManifest,
  manifestCacheOf,
  type ManifestAnswer,
  type ManifestQuery,
} from '../manifests/manifestCache'
import { responseOf, type WholeAnswer } from '../../../src/http/answers'
import { countManifestCache } from '../../metrics'
import { manifestAnswer as manifestAnswerSchema } from './answers'
import { lineName, platformName, productSlug } from './queryFields'

const manifestQuery = z.object({
  product: productSlug,
  line: lineName,
  channel: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, 'a channel: stable, beta or alpha')
    .meta({ examples: [...releaseChannels] }),
  platform: platformName,
})

/**
 * `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for this header), or is `*`.
 */
const isNotModified = (ifNoneMatch: string | null, etag: string): boolean =>
  // An app sends back the one ETag it was given: that needs no parsing.
  ifNoneMatch === etag ||
  (Boolean(ifNoneMatch) &&
    ifNoneMatch!.split(',').some((tag) => {
      const trimmed = tag.trim()
      return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
    }))

type WholeAnswers = { ok: WholeAnswer; notModified: WholeAnswer }

/**
 * The 200 and 304 of each manifest answer, made once: a cached manifest is the same object for
 * every request, and so are its answers (the host keeps their header lists by answer).
 */
const wholeAnswers = new WeakMap<ManifestAnswer, WholeAnswers>()

const wholeAnswersOf = (answer: ManifestAnswer): WholeAnswers => {
  let answers = wholeAnswers.get(answer)
  if (answers) return answers
  const headers = { etag: answer.etag, 'cache-control': 'public, max-age=60' }
  answers = {
    ok: {
      status: 200,
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
      body: answer.body,
    },
    notModified: { status: 304, headers },
  }
  wholeAnswers.set(answer, answers)
  return answers
}

const manifestAnswer = (
  answer: ManifestAnswer,
  ifNoneMatch: string | null | undefined,
): WholeAnswer => {
  const { ok, notModified } = wholeAnswersOf(answer)
  return isNotModified(ifNoneMatch ?? null, answer.etag) ? notModified : ok
}

/**
 * The query when it is exactly the four parameters, each once; any other shape takes the validating
 * path.
 */
const plainManifestQuery = (searchParams: URLSearchParams): ManifestQuery | undefined => {
  if (searchParams.size !== 4) return undefined
  const product = searchParams.get('product')
  const line = searchParams.get('line')
  const channel = searchParams.get('channel')
  const platform = searchParams.get('platform')
  return product !== null && line !== null && channel !== null && platform !== null
    ? { product, line, channel, platform }
    : undefined
}

/**
 * A manifest this instance holds and need not check yet, answered without a PayloadRequest (see
 * `clientEndpoint`).
 */
const answerFromCache: FastAnswer = ({ payload, searchParams, headers }) => {
  const query = plainManifestQuery(searchParams)
  const cached = query && manifestCacheOf(payload).freshAnswerFor(query)
  if (!cached) return undefined
  countManifestCache(true)
  return manifestAnswer(cached, headers['if-none-match'])
}

export const manifestEndpoint = clientEndpoint({
  path: '/v1/updates/manifest',
  method: 'get',
  openapi: {
    summary: 'Signed update manifest of a product line, channel and platform',
    description:
      'The same signed bytes for every app (no nonce): freshness comes from `expiresAt` and `sequence`, which grows with every change of the channel and never goes down. A `beta` manifest also lists `stable` releases, `alpha` lists all. Staged rollout is decided by the app: it is in a release’s rollout when sha256(installId + ":" + version), read as a number mod 100, is below `rolloutPercent`; outside the newest release’s rollout it takes the newest release whose rollout it is in. Verify with the SDK’s `checkForUpdate`. Cacheable: `ETag`, `Cache-Control: public, max-age=60`, 304 on `If-None-Match`.',
    tags: ['updates'],
    parameters: [
      ...queryParameters(manifestQuery),
      { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
    ],
    responses: {
      200: {
        ...documentedAnswer(
          '`{ signed, ...manifest }`: the manifest fields and their signature.',
          manifestAnswerSchema,
        ),
        headers: {
          ETag: { schema: { type: 'string' } },
          'Cache-Control': { schema: { type: 'string' } },
        },
      },
      304: { description: 'Not modified (the `If-None-Match` ETag is current).' },
      400: refusal('`BAD_REQUEST`: a parameter is missing or malformed.'),
      404: refusal('`UNKNOWN_PRODUCT`, `UNKNOWN_LINE`, `UNKNOWN_CHANNEL` or `UNKNOWN_PLATFORM`.'),
    },
  },
  handler: async (req) => {
    const query = readQuery(req, manifestQuery)
    const answer = await getManifest(req.payload, query)
    return responseOf(manifestAnswer(answer, req.headers.get('if-none-match')))
  },
  fastAnswer: answerFromCache,
})
