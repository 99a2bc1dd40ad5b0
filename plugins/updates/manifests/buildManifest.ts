import type { Payload } from 'payload'
import { rcompare } from 'semver'

import type { PulledRelease, UpdateManifest } from '../../../src/lib/protocol'
import { addDays } from '../../../src/lib/time'
import type { ProductInfo } from '../../catalogue'
import { channelsVisibleTo, type ReleaseChannel } from '../channels'
import {
  releaseFieldsInManifest,
  toManifestRelease,
  type ListedArtifact,
  type ListedRelease,
} from '../manifestRelease'

/** A manifest lists at most this many releases, newest first. */
export const maximumManifestReleases = 10

export type ManifestScope = {
  product: ProductInfo
  line: string
  channel: ReleaseChannel
  platform: string
}

export type BuildManifestArgs = ManifestScope & {
  sequence: number
  now: Date
  validityDays: number
  publicUrl: string
}

/** Published releases visible on the scope's channel, and pulled ones, newest first. */
export const findListedReleases = async (
  payload: Payload,
  { product, line, channel }: Omit<ManifestScope, 'platform'>,
) => {
  const found = await payload.find({
    collection: 'releases',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: releaseFieldsInManifest,
    where: {
      and: [
        { product: { equals: product.id } },
        { line: { equals: line } },
        { channel: { in: channelsVisibleTo(channel) } },
        { _status: { equals: 'published' } },
        {
          or: [
            { and: [{ status: { equals: 'published' } }, { archived: { not_equals: true } }] },
            { status: { equals: 'pulled' } },
          ],
        },
      ],
    },
  })
  const releases = (found.docs as ListedRelease[]).sort((left, right) =>
    rcompare(left.version, right.version),
  )
  return {
    published: releases.filter((release) => release.status === 'published'),
    pulled: releases.filter((release) => release.status === 'pulled'),
  }
}

/** The artifacts of `releaseIds` built for `platform` whose files are still kept, by release id. */
export const findArtifactsByRelease = async (
  payload: Payload,
  releaseIds: number[],
  platform: string,
) => {
  if (releaseIds.length === 0) return new Map<number, ListedArtifact>()
  const found = await payload.find({
    collection: 'artifacts',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { sha256: true, size: true, release: true },
    where: {
      and: [
        { release: { in: releaseIds } },
        { platform: { equals: platform } },
        { fileDeletedAt: { exists: false } },
      ],
    },
  })
  return new Map(
    (found.docs as ListedArtifact[])
      .filter((artifact) => artifact.sha256 && typeof artifact.size === 'number')
      .map((artifact) => [
        typeof artifact.release === 'object' ? artifact.release!.id : artifact.release!,
        artifact,
      ]),
  )
}

/**
 * The manifest payload of one product, line, channel and platform: what `signJws` signs and the
 * SDK's `verifyManifest` reads. Releases without an artifact for the platform are left out.
 */
export const buildManifest = async (
  payload: Payload,
  args: BuildManifestArgs,
): Promise<UpdateManifest> => {
  const { product, line, channel, platform, sequence, now, validityDays, publicUrl } = args
  const { published, pulled } = await findListedReleases(payload, { product, line, channel })
  const artifacts = await findArtifactsByRelease(
    payload,
    published.map((release) => release.id),
    platform,
  )
  const releases = published
    .filter((release) => artifacts.has(release.id))
    .slice(0, maximumManifestReleases)
    .map((release) => toManifestRelease(release, artifacts.get(release.id)!, publicUrl))
  return {
    product: product.slug,
    line,
    channel,
    platform,
    sequence,
    issuedAt: now.toISOString(),
    expiresAt: addDays(now, validityDays).toISOString(),
    releases,
    pulled: pulled.map((release): PulledRelease => ({
      version: release.version,
      rollbackTo: release.rollbackTo || null,
    })),
  }
}
