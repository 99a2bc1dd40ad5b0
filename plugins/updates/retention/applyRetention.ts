import type { Payload } from 'payload'
import { rcompare } from 'semver'

import type { Release } from '../../../payload-types'
import { addDays } from '../../../src/lib/time'
import { readCatalogue } from '../../catalogue'
import { deleteArtifactFile } from '../downloads/artifactStorage'
import { saveReleaseChange } from '../releases/saveReleaseChange'

export type RetentionReport = {
  /** Releases whose artifact files were deleted, as `product line version`. */
  archived: string[]
  deletedFiles: number
}

type RetentionRelease = Pick<
  Release,
  | 'id'
  | 'line'
  | 'channel'
  | 'status'
  | 'version'
  | 'releasedAt'
  | 'createdAt'
  | 'rollbackTo'
  | 'archived'
>

/**
 * Deletes the artifact files of releases older than their product's `keepVersionsDays`, and marks
 * those releases archived (the release and artifact records stay, with checksums and sizes).
 * Never touched: the newest published release of each line and channel, any release a pulled
 * release sends apps back to, and drafts. Running it again changes nothing.
 */
export const applyRetention = async (
  payload: Payload,
  { now = new Date() }: { now?: Date } = {},
): Promise<RetentionReport> => {
  const report: RetentionReport = { archived: [], deletedFiles: 0 }
  for (const product of (await readCatalogue(payload)).values()) {
    const found = await payload.find({
      collection: 'releases',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: {
        line: true,
        channel: true,
        status: true,
        version: true,
        releasedAt: true,
        createdAt: true,
        rollbackTo: true,
        archived: true,
      },
      where: {
        and: [
          { product: { equals: product.id } },
          { status: { in: ['published', 'pulled'] } },
          { _status: { equals: 'published' } },
        ],
      },
    })
    const releases = found.docs as RetentionRelease[]
    const newest = new Set<number | string>()
    const newestByChannel = new Map<string, RetentionRelease>()
    for (const release of releases.filter((candidate) => candidate.status === 'published')) {
      const key = `${release.line}\u0000${release.channel}`
      const current = newestByChannel.get(key)
      if (!current || rcompare(release.version, current.version) < 0)
        newestByChannel.set(key, release)
    }
    for (const release of newestByChannel.values()) newest.add(release.id)
    const rollbackTargets = new Set(
      releases
        .filter((release) => release.status === 'pulled' && release.rollbackTo)
        .map((release) => `${release.line}\u0000${release.rollbackTo}`),
    )
    const cutoff = addDays(now, -product.keepVersionsDays).getTime()
    const expired = releases.filter(
      (release) =>
        !release.archived &&
        new Date(release.releasedAt ?? release.createdAt).getTime() < cutoff &&
        !newest.has(release.id) &&
        !rollbackTargets.has(`${release.line}\u0000${release.version}`),
    )
    for (const release of expired) {
      const artifacts = await payload.find({
        collection: 'artifacts',
        depth: 0,
        pagination: false,
        overrideAccess: true,
        where: { and: [{ release: { equals: release.id } }, { fileDeletedAt: { exists: false } }] },
      })
      for (const artifact of artifacts.docs) {
        await deleteArtifactFile(payload, artifact)
        await payload.update({
          collection: 'artifacts',
          id: artifact.id,
          data: { fileDeletedAt: now.toISOString() },
          depth: 0,
          overrideAccess: true,
        })
        report.deletedFiles += 1
      }
      await saveReleaseChange(payload, { id: release.id, data: { archived: true } })
      report.archived.push(`${product.slug} ${release.line} ${release.version}`)
    }
  }
  return report
}
