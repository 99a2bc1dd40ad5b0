import { z } from 'zod'

import { clientEndpoint, clientRateLimits, plainText, readQuery } from '../../clientApi'
import { attachmentDisposition } from '../downloads/artifactStorage'
import { downloadCredentialsOf } from '../downloads/entitlement'
import { buildOfflineBundle } from '../buildOfflineBundle'

const bundleQuery = z.object({
  product: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a product slug such as promonitor'),
  line: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a line such as v7'),
  version: plainText().min(1).max(64),
  platform: z.string().regex(/^[a-z0-9]+-[a-z0-9_]+$/, 'a platform such as linux-x64').max(60),
})

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }

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
    parameters: ['product', 'line', 'version', 'platform'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'string' } })),
    responses: {
      200: { description: 'The bundle, streamed.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      400: { description: '`BAD_REQUEST`.', content: errorContent },
      401: { description: '`UNAUTHORIZED`.', content: errorContent },
      403: { description: '`NOT_ENTITLED` (another product), `LINE_MISMATCH` (another line of it), `SUSPENDED` or `EXPIRED`.', content: errorContent },
      404: { description: '`UNKNOWN_PRODUCT`, `UNKNOWN_LINE`, `UNKNOWN_PLATFORM` or `UNKNOWN_VERSION`.', content: errorContent },
      410: { description: '`RELEASE_PULLED` or `ARTIFACT_GONE`.', content: errorContent },
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
