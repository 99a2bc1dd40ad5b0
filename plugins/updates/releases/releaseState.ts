import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type TypedUser,
} from 'payload'

import type { Release, ReleaseEvent } from '../../../payload-types'
import { ClientError } from '../../clientApi'
import { and, drizzleFor, eq, tableOf } from '../../../src/database/database'
import { bumpSequences } from '../manifests/bumpSequence'
import { forgetCachedChannels } from '../manifests/manifestCache'
import { sequenceBumpedContext } from '../manifests/bumpOnReleaseChange'
import { channelsShowing } from '../manifests/releaseChannelsOf'
import { chooseRollbackTarget } from './rollbackTargets'
import { saveReleaseChange } from './saveReleaseChange'

export type ReleaseStateChange = { release: Release; event: ReleaseEvent }

type Actor = TypedUser | null | undefined

const findRelease = async (payload: Payload, releaseId: number | string): Promise<Release> => {
  const release = await payload.findByID({
    collection: 'releases',
    id: releaseId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!release) throw new ClientError(404, 'NOT_FOUND', `No release ${releaseId}`)
  return release
}

/**
 * Moves a release from `from` to `to` once: a conditional UPDATE claims the change (so when two
 * people or instances do it at once, one wins and the other gets 409), then the release is saved
 * through Payload (version history, hooks), the channels' sequences are bumped and the event is
 * recorded, all in one transaction where the database has them.
 */
const changeReleaseState = async (
  payload: Payload,
  {
    release,
    from,
    data,
    event,
    actor,
    now,
  }: {
    release: Release
    from: 'published' | 'pulled'
    data: { status: 'published' | 'pulled'; rollbackTo: string | null; pulledAt: string | null }
    event: { action: 'pulled' | 'restored'; summary: string }
    actor: Actor
    now: Date
  },
): Promise<ReleaseStateChange> => {
  const req = await createLocalReq(
    { user: actor ?? undefined, context: { [sequenceBumpedContext]: true } },
    payload,
  )
  const ownsTransaction = await initTransaction(req)
  try {
    const table = tableOf(payload, 'releases')
    const database = await drizzleFor(payload, req)
    const claimed = await database
      .update(table)
      .set({
        status: data.status,
        rollbackTo: data.rollbackTo,
        pulledAt: data.pulledAt,
        updatedAt: now.toISOString(),
      })
      .where(and(eq(table.id, release.id), eq(table.status, from), eq(table._status, 'published')))
      .returning({ id: table.id })
    if (claimed.length === 0) {
      throw data.status === 'pulled'
        ? new ClientError(
            409,
            'NOT_PUBLISHED',
            `Release ${release.version} is not published (it may have just been pulled)`,
          )
        : new ClientError(
            409,
            'NOT_PULLED',
            `Release ${release.version} is not pulled (it may have just been restored)`,
          )
    }
    const updated = await saveReleaseChange(payload, { id: release.id, data, req })
    const bumped = await bumpSequences(
      payload,
      [...channelsShowing(release), ...channelsShowing(updated)],
      req,
    )
    forgetCachedChannels(payload, bumped)
    const recorded = await payload.create({
      collection: 'release-events',
      data: {
        release: release.id,
        action: event.action,
        version: release.version,
        rollbackTo: data.rollbackTo,
        actor: actor && actor.collection === 'users' ? actor.id : null,
        summary: event.summary,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (ownsTransaction) await commitTransaction(req)
    return { release: updated, event: recorded }
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}

export type PullReleaseArgs = {
  releaseId: number | string
  /**
   * Where apps on this release go back to; default the newest older published release; null for
   * nowhere.
   */
  rollbackTo?: string | null
  actor?: Actor
  now?: Date
}

/**
 * Pulls (rolls back) a published release: manifests list it under `pulled`, pointing apps at
 * `rollbackTo`.
 */
export const pullRelease = async (
  payload: Payload,
  { releaseId, rollbackTo, actor, now = new Date() }: PullReleaseArgs,
): Promise<ReleaseStateChange> => {
  const release = await findRelease(payload, releaseId)
  if (release.status === 'pulled')
    throw new ClientError(409, 'ALREADY_PULLED', `Release ${release.version} is already pulled`)
  if (release.status !== 'published' || release._status !== 'published') {
    throw new ClientError(409, 'NOT_PUBLISHED', `Release ${release.version} is not published`)
  }
  const target = await chooseRollbackTarget(payload, release, rollbackTo)
  return changeReleaseState(payload, {
    release,
    from: 'published',
    data: { status: 'pulled', rollbackTo: target, pulledAt: now.toISOString() },
    event: {
      action: 'pulled',
      summary: `${release.title ?? release.version} pulled; apps go back to ${target ?? 'nothing (no earlier release)'}`,
    },
    actor,
    now,
  })
}

export type RestoreReleaseArgs = { releaseId: number | string; actor?: Actor; now?: Date }

/** Undoes a pull: the release is published again and apps may update to it. */
export const restoreRelease = async (
  payload: Payload,
  { releaseId, actor, now = new Date() }: RestoreReleaseArgs,
): Promise<ReleaseStateChange> => {
  const release = await findRelease(payload, releaseId)
  if (release.status !== 'pulled')
    throw new ClientError(409, 'NOT_PULLED', `Release ${release.version} is not pulled`)
  return changeReleaseState(payload, {
    release,
    from: 'pulled',
    data: { status: 'published', rollbackTo: null, pulledAt: null },
    event: { action: 'restored', summary: `${release.title ?? release.version} restored` },
    actor,
    now,
  })
}
