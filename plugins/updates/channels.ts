import { releaseChannels } from '../../collections/Releases'

export type ReleaseChannel = (typeof releaseChannels)[number]

export const isReleaseChannel = (value: unknown): value is ReleaseChannel =>
  typeof value === 'string' && (releaseChannels as readonly string[]).includes(value)

/**
 * Channels are inclusive: a `beta` app also sees `stable` releases, an `alpha` app sees all three.
 */
export const channelsVisibleTo = (channel: ReleaseChannel): ReleaseChannel[] =>
  releaseChannels.slice(0, releaseChannels.indexOf(channel) + 1)

/**
 * The channels whose manifests list a release of `channel` (a stable change reaches beta and alpha
 * too).
 */
export const channelsSeeing = (channel: ReleaseChannel): ReleaseChannel[] =>
  releaseChannels.slice(releaseChannels.indexOf(channel))
