import { z } from 'zod'

import {
  clientEndpoint,
  clientRateLimits,
  documentedAnswer,
  queryParameters,
  readQuery,
  refusal,
} from '../../clientApi'
import { artifactFileResponse } from '../downloads/artifactFileResponse'
import { authorizeDownload } from '../downloads/authorizeDownload'
import { downloadCredentialsOf } from '../downloads/entitlement'
import { parseId } from '../downloads/findDownloadableArtifact'
import { jsonResponse } from '../../../src/http/answers'
import { downloadLinkAnswer } from './answers'

const fileQuery = z.object({
  token: z.string().min(1).max(2048).meta({ description: 'From the download link' }),
})
const artifactIdParameter = {
  name: 'artifactId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
}

export const downloadEndpoint = clientEndpoint({
  path: '/v1/downloads/:artifactId',
  method: 'get',
  rateLimit: clientRateLimits.downloads,
  openapi: {
    summary: 'Download link of an artifact',
    description:
      'Checks the license (`Authorization: License <key>`) or the logged-in customer account, then redirects to a short-lived link (at most 10 minutes) bound to this artifact. The license’s product and line must match and it must not be suspended; an expired license may download only releases published before it expired.',
    tags: ['updates'],
    security: [{ licenseKey: [] }, { customerApiKey: [] }],
    parameters: [artifactIdParameter],
    responses: {
      302: {
        ...documentedAnswer(
          'Redirect to `/api/v1/downloads/{artifactId}/file?token=…`; the body repeats it.',
          downloadLinkAnswer,
        ),
        headers: { Location: { schema: { type: 'string' } } },
      },
      401: refusal('`UNAUTHORIZED`: no license key or account, or an unknown key.'),
      403: refusal(
        '`NOT_ENTITLED` (another product), `LINE_MISMATCH` (another line of it), `SUSPENDED` or `EXPIRED`.',
      ),
      404: refusal('`NOT_FOUND`: no such artifact.'),
      410: refusal(
        '`RELEASE_PULLED` (the release was pulled) or `ARTIFACT_GONE` (its file was deleted by retention).',
      ),
    },
  },
  handler: async (req) => {
    const credentials = downloadCredentialsOf(req.headers.get('authorization'), req.user)
    const artifactId = parseId(req.routeParams?.artifactId, 'artifact')
    const { url, expiresAt } = await authorizeDownload(req.payload, { artifactId, credentials })
    return jsonResponse(
      { url, expiresAt: expiresAt.toISOString() },
      { status: 302, headers: { Location: url, 'Cache-Control': 'no-store' } },
    )
  },
})

export const downloadFileEndpoint = clientEndpoint({
  path: '/v1/downloads/:artifactId/file',
  method: 'get',
  openapi: {
    summary: 'Artifact file (through a download link)',
    description:
      'Streams the file with `Content-Length`, `ETag`, `X-Checksum-Sha256` and `Accept-Ranges: bytes`; a `Range` request gets 206 (resume). With S3 storage the answer is a redirect to a presigned object URL valid for a minute.',
    tags: ['updates'],
    parameters: [
      artifactIdParameter,
      ...queryParameters(fileQuery),
      {
        name: 'Range',
        in: 'header',
        required: false,
        schema: { type: 'string', examples: ['bytes=1048576-'] },
      },
    ],
    responses: {
      200: {
        description: 'The whole file.',
        headers: {
          'X-Checksum-Sha256': { schema: { type: 'string' } },
          ETag: { schema: { type: 'string' } },
          'Accept-Ranges': { schema: { type: 'string' } },
        },
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      206: { description: 'The requested byte range (`Content-Range`).' },
      302: { description: 'S3 storage: redirect to a presigned object URL.' },
      400: refusal('`BAD_REQUEST`: no token.'),
      403: refusal('`TOKEN_EXPIRED` or `TOKEN_INVALID`.'),
      404: refusal('`NOT_FOUND`.'),
      410: refusal('`ARTIFACT_GONE`.'),
      416: refusal('`RANGE_NOT_SATISFIABLE`, with `Content-Range: bytes */<size>`.'),
    },
  },
  handler: async (req) => {
    const artifactId = parseId(req.routeParams?.artifactId, 'artifact')
    const { token } = readQuery(req, fileQuery)
    return artifactFileResponse(req.payload, {
      artifactId,
      token,
      range: req.headers.get('range'),
      ifRange: req.headers.get('if-range'),
    })
  },
})
