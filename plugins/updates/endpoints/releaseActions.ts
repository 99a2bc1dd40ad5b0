import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { userHasRole } from '../../../collections/access/hasRole'
import { badRequest, ClientError, errorResponse, plainText } from '../../clientApi'
import { parseId } from '../downloads/findDownloadableArtifact'
import { loadReleaseRecipients } from '../loadReleaseRecipients'
import { pullRelease, restoreRelease } from '../releaseState'
import { findRollbackTargets } from '../rollbackTargets'

/** A staff action on one release (`/api/releases/:id/<action>`), for release managers and admins. */
const releaseAction = (method: Endpoint['method'], path: string, handler: (req: PayloadRequest, releaseId: number) => Promise<Response>): Endpoint => ({
  method,
  path: `/:id/${path}`,
  handler: async (req) => {
    try {
      if (!req.user) throw new ClientError(401, 'UNAUTHORIZED', 'Log in first')
      if (!userHasRole(req.user, ['release-manager'])) throw new ClientError(403, 'FORBIDDEN', 'Only release managers and admins may do this')
      return await handler(req, parseId(req.routeParams?.id, 'release'))
    } catch (error) {
      if (error instanceof ClientError) return errorResponse(error)
      throw error
    }
  },
})

const readOptionalJson = async <Schema extends z.ZodTypeAny>(req: PayloadRequest, schema: Schema): Promise<z.infer<Schema>> => {
  const text = (await req.text?.())?.trim() ?? ''
  let body: unknown = {}
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      throw badRequest('Body is not valid JSON')
    }
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw badRequest(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '))
  return parsed.data
}

const pullBody = z.object({ rollbackTo: plainText().max(64).nullable().optional() }).strict()

export const pullReleaseEndpoint = releaseAction('post', 'pull', async (req, releaseId) => {
  const { rollbackTo } = await readOptionalJson(req, pullBody)
  const { release, event } = await pullRelease(req.payload, { releaseId, rollbackTo, actor: req.user })
  return Response.json({ release: { id: release.id, version: release.version, status: release.status, rollbackTo: release.rollbackTo, pulledAt: release.pulledAt }, event })
})

export const restoreReleaseEndpoint = releaseAction('post', 'restore', async (req, releaseId) => {
  const { release, event } = await restoreRelease(req.payload, { releaseId, actor: req.user })
  return Response.json({ release: { id: release.id, version: release.version, status: release.status, rollbackTo: release.rollbackTo ?? null }, event })
})

export const rollbackTargetsEndpoint = releaseAction('get', 'rollback-targets', async (req, releaseId) => {
  const release = await req.payload.findByID({ collection: 'releases', id: releaseId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!release) throw new ClientError(404, 'NOT_FOUND', `No release ${releaseId}`)
  const versions = await findRollbackTargets(req.payload, release)
  return Response.json({ versions, default: versions[0] ?? null })
})

export const loadRecipientsEndpoint = releaseAction('post', 'load-recipients', async (req, releaseId) => {
  const release = await loadReleaseRecipients(req.payload, { releaseId })
  return Response.json({ recipients: release.recipients ?? [] })
})
