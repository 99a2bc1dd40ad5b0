import { z } from 'zod'

import {
  clientEndpoint,
  clientRateLimits,
  plainText,
  queryParameters,
  readQuery,
  refusal,
} from '../../clientApi'
import { attachmentDisposition } from '../downloads/artifactStorage'
import { downloadCredentialsOf } from '../downloads/entitlement'
import { buildOfflineBundle } from '../offlineBundles/buildOfflineBundle'
import { lineName, platformName, productSlug } from './queryFields'

const bundleQuery = z.object({
  product: productSlug,
  line: lineName,
  version: plainText()
    .min(1)
    .max(64)
    .meta({ examples: ['7.3.0'] }),
  platform: platformName,
})

export const offlineBundleEndpoint = clientEndpoint({
  path: '/v1/updates/offline-bundle',
  method: 'get',
  rateLimit: clientRateLimits.bundles,
  openapi: {
    summary: 'Offline bundle of one release (for sites without internet access)',
    description:
      'One file: the line `PROMONITOR-OFFLINE-BUNDLE 1`, a line holding a signed manifest (`typ: manifest+jws`, `offline: true`, exactly this release), then exactly `releases[0].artifact.size` artifact bytes. The app checks it with the SDK’s `verifyOfflineBundle` before installing. Same license rules as downloads.',
    tags: ['updates'],
    security: [{ licenseKey: [] }, { customerApiKey: [] }],
    parameters: queryParameters(bundleQuery),
    responses: {
      200: {
        description: 'The bundle, streamed.',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      400: refusal('`BAD_REQUEST`.'),
      401: refusal('`UNAUTHORIZED`.'),
      403: refusal(
        '`NOT_ENTITLED` (another product), `LINE_MISMATCH` (another line of it), `SUSPENDED` or `EXPIRED`.',
      ),
      404: refusal('`UNKNOWN_PRODUCT`, `UNKNOWN_LINE`, `UNKNOWN_PLATFORM` or `UNKNOWN_VERSION`.'),
      410: refusal('`RELEASE_PULLED` or `ARTIFACT_GONE`.'),
    },
  },
  handler: async (req) => {
    const credentials = downloadCredentialsOf(req.headers.get('authorization'), req.user)
    const query = readQuery(req, bundleQuery)
    const bundle = await buildOfflineBundle(req.payload, { query, credentials })
    return new Response(await bundle.stream(), {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(bundle.size),
        'Content-Disposition': attachmentDisposition(bundle.filename),
        'Cache-Control': 'private, no-store',
      },
    })
  },
})
