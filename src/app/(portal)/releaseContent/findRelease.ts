import type { Payload, TypedUser } from 'payload'

import type {
  Changelog,
  DocLink,
  Media,
  Product,
  Release,
  VideoTeaser,
} from '../../../../payload-types'
import type { ReleaseAddress } from '../../../../plugins/updates'

/** A release as its pages show it, read as the visitor (published only for non-staff). */
export type ReleaseOnView = Omit<Release, 'changelog' | 'videoTeaser' | 'docLinks'> & {
  changelog: Changelog | null
  videoTeaser:
    (Omit<VideoTeaser, 'video' | 'poster'> & { video: Media | null; poster: Media | null }) | null
  docLinks: DocLink[]
}

export type ReleaseView = { product: Product; release: ReleaseOnView }

const wellFormed = {
  product: /^[a-z0-9][a-z0-9-]{0,63}$/,
  line: /^[a-z0-9][a-z0-9._-]{0,31}$/i,
  version: /^[0-9A-Za-z.+-]{1,64}$/,
}

const populated = <T extends object>(value: number | T | null | undefined): T | null =>
  value && typeof value === 'object' ? value : null

/**
 * The release at `/…/<product>/<line>/<version>`, through the Local API as `user` (no user: an
 * anonymous visitor), or null when there is none they may see. A malformed address is null too,
 * before any query.
 */
export const findRelease = async (
  payload: Payload,
  address: ReleaseAddress,
  user: TypedUser | null,
): Promise<ReleaseView | null> => {
  const { product: slug, line, version } = address
  if (
    !wellFormed.product.test(slug) ||
    !wellFormed.line.test(line) ||
    !wellFormed.version.test(version)
  )
    return null
  const asVisitor = { overrideAccess: false, ...(user ? { user } : {}) } as const
  const products = await payload.find({
    collection: 'products',
    ...asVisitor,
    depth: 0,
    limit: 1,
    where: { slug: { equals: slug } },
  })
  const product = products.docs[0]
  if (!product) return null
  const releases = await payload.find({
    collection: 'releases',
    ...asVisitor,
    depth: 2,
    limit: 1,
    joins: false,
    where: {
      and: [
        { product: { equals: product.id } },
        { line: { equals: line } },
        { version: { equals: version } },
      ],
    },
  })
  const release = releases.docs[0]
  if (!release) return null
  const teaser = populated(release.videoTeaser)
  return {
    product,
    release: {
      ...release,
      changelog: populated(release.changelog),
      videoTeaser: teaser
        ? { ...teaser, video: populated(teaser.video), poster: populated(teaser.poster) }
        : null,
      docLinks: (release.docLinks ?? []).flatMap((link) => populated(link) ?? []),
    },
  }
}
