import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Artifact } from '../../../payload-types'
import { bumpSequences } from './bumpSequence'
import { forgetCachedChannels } from './manifestCache'
import { channelsShowing, isShippedRelease } from './releaseChannelsOf'

const releaseIdOf = (artifact: Partial<Artifact> | null | undefined): number | undefined =>
  (typeof artifact?.release === 'object' ? artifact.release?.id : artifact?.release) ?? undefined

/** What a manifest says about an artifact. */
const artifactView = (artifact: Partial<Artifact> | null | undefined): string =>
  JSON.stringify([
    releaseIdOf(artifact),
    artifact?.platform,
    artifact?.sha256,
    artifact?.size,
    artifact?.fileDeletedAt ?? null,
  ])

const bumpForReleases = async (req: PayloadRequest, releaseIds: Array<number | undefined>) => {
  for (const id of new Set(
    releaseIds.filter((releaseId): releaseId is number => releaseId !== undefined),
  )) {
    const release = await req.payload.findByID({
      collection: 'releases',
      id,
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
      select: { product: true, line: true, channel: true, status: true, _status: true },
    })
    if (!release || !isShippedRelease(release)) continue
    forgetCachedChannels(
      req.payload,
      await bumpSequences(req.payload, channelsShowing(release), req),
    )
  }
}

/**
 * An artifact added, replaced, moved or removed changes the manifests of its release's platform.
 */
export const bumpOnArtifactChange: CollectionAfterChangeHook<Artifact> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'update' && artifactView(doc) === artifactView(previousDoc)) return doc
  await bumpForReleases(req, [releaseIdOf(previousDoc), releaseIdOf(doc)])
  return doc
}

export const bumpOnArtifactDelete: CollectionAfterDeleteHook<Artifact> = async ({ doc, req }) => {
  await bumpForReleases(req, [releaseIdOf(doc)])
  return doc
}
