import type { Release } from '../../../payload-types'
import type { ChannelOfLine } from './bumpSequence'
import { channelsSeeing, isReleaseChannel } from '../channels'
import { productIdOf } from '../productIdOf'

type ReleaseState = Partial<Pick<Release, 'product' | 'line' | 'channel' | 'status' | '_status'>>

/** A release apps are told about: published (listed) or pulled (named in `pulled`). */
export const isShippedRelease = (release: ReleaseState | null | undefined): boolean =>
  Boolean(
    release &&
    release._status !== 'draft' &&
    (release.status === 'published' || release.status === 'pulled'),
  )

/** Every channel whose manifests show this release. */
export const channelsShowing = (release: ReleaseState): ChannelOfLine[] => {
  const productId = productIdOf(release.product as Release['product'])
  if (productId === undefined || !release.line || !isReleaseChannel(release.channel)) return []
  return channelsSeeing(release.channel).map((channel) => ({
    productId,
    line: release.line!,
    channel,
  }))
}
