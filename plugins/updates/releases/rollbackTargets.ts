import type { Payload } from 'payload'
import { lt, rcompare, valid } from 'semver'

import type { Release } from '../../../payload-types'
import { badRequest } from '../../clientApi'
import { channelsVisibleTo, isReleaseChannel } from '../channels'
import { productIdOf } from '../productIdOf'

type PulledCandidate = Pick<Release, 'id' | 'product' | 'line' | 'channel' | 'version'>

/**
 * Versions apps on `release` may be sent back to, newest first: published releases of the same
 * product and line, older than it, on a channel its apps see. The first is the default.
 */
export const findRollbackTargets = async (
  payload: Payload,
  release: PulledCandidate,
): Promise<string[]> => {
  if (!isReleaseChannel(release.channel)) return []
  const found = await payload.find({
    collection: 'releases',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { version: true },
    where: {
      and: [
        { product: { equals: productIdOf(release.product) } },
        { line: { equals: release.line } },
        { channel: { in: channelsVisibleTo(release.channel) } },
        { status: { equals: 'published' } },
        { _status: { equals: 'published' } },
        { archived: { not_equals: true } },
      ],
    },
  })
  return found.docs
    .map((candidate) => candidate.version)
    .filter((version) => lt(version, release.version))
    .sort(rcompare)
}

/**
 * The version to roll back to: the one asked for when it is a valid target, else the newest target
 * (or null).
 */
export const chooseRollbackTarget = async (
  payload: Payload,
  release: PulledCandidate,
  requested: string | null | undefined,
): Promise<string | null> => {
  const targets = await findRollbackTargets(payload, release)
  if (requested === undefined) return targets[0] ?? null
  if (requested === null) return null
  if (!valid(requested) || !targets.includes(requested)) {
    throw badRequest(
      `rollbackTo: ${requested} is not a published ${release.line} release older than ${release.version}; choose one of ${targets.join(', ') || '(none)'}`,
    )
  }
  return requested
}
