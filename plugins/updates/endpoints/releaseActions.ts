import { z } from 'zod'

import { plainText } from '../../clientApi'
import { ClientError } from '../../../src/http/clientError'
import { staffAction } from '../../../src/http/staffAction'
import { loadReleaseRecipients } from '../releaseMails/loadReleaseRecipients'
import { pullRelease, restoreRelease } from '../releases/releaseState'
import { findRollbackTargets } from '../releases/rollbackTargets'

const releaseManagers = ['release-manager'] as const

/**
 * A release manager's actions on a release (`/api/releases/:id/actions/<action>`). Until the next
 * release cycle they also answer at their first paths (`/api/releases/:id/pull`, …).
 */
export const releaseActionEndpoints = [
  ...staffAction({
    collection: 'releases',
    action: 'pull',
    roles: releaseManagers,
    body: z.object({ rollbackTo: plainText().max(64).nullable().optional() }).strict(),
    formerPaths: ['/:id/pull'],
    handler: async ({ req, id, body, user }) => {
      const { release, event } = await pullRelease(req.payload, {
        releaseId: id,
        rollbackTo: body.rollbackTo,
        actor: user,
      })
      const { version, status, rollbackTo, pulledAt } = release
      return { release: { id: release.id, version, status, rollbackTo, pulledAt }, event }
    },
  }),
  ...staffAction({
    collection: 'releases',
    action: 'restore',
    roles: releaseManagers,
    body: z.object({}),
    formerPaths: ['/:id/restore'],
    handler: async ({ req, id, user }) => {
      const { release, event } = await restoreRelease(req.payload, { releaseId: id, actor: user })
      const { version, status, rollbackTo } = release
      return { release: { id: release.id, version, status, rollbackTo: rollbackTo ?? null }, event }
    },
  }),
  ...staffAction({
    collection: 'releases',
    action: 'rollback-targets',
    method: 'get',
    roles: releaseManagers,
    formerPaths: ['/:id/rollback-targets'],
    handler: async ({ req, id }) => {
      const release = await req.payload.findByID({
        collection: 'releases',
        id,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
      if (!release) throw new ClientError(404, 'NOT_FOUND', `No release ${id}`)
      const versions = await findRollbackTargets(req.payload, release)
      return { versions, default: versions[0] ?? null }
    },
  }),
  ...staffAction({
    collection: 'releases',
    action: 'load-recipients',
    roles: releaseManagers,
    body: z.object({}),
    formerPaths: ['/:id/load-recipients'],
    handler: async ({ req, id }) => {
      const release = await loadReleaseRecipients(req.payload, { releaseId: id })
      return { recipients: release.recipients ?? [] }
    },
  }),
]
