import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Release } from '../../../payload-types'
import { bumpSequences } from './bumpSequence'
import { forgetCachedChannels } from './manifestCache'
import { releaseFieldsInManifest } from '../manifestRelease'
import { channelsShowing, isShippedRelease } from './releaseChannelsOf'

/** Set by code that bumps the sequence itself (pull, restore), so a change is counted once. */
export const sequenceBumpedContext = 'updatesSequenceBumped'

/**
 * What manifests say about a release, comparable between two saves; null when they do not show it.
 */
const manifestView = (release: Partial<Release> | null | undefined): string | null => {
  if (!isShippedRelease(release)) return null
  const listed = Object.keys(releaseFieldsInManifest).map((field) => {
    const value = (release as Record<string, unknown>)[field]
    if (field === 'requires')
      return ((value as Release['requires']) ?? []).map(({ product, range }) => [product, range])
    if (field === 'product' && value && typeof value === 'object')
      return (value as { id: unknown }).id
    return value ?? null
  })
  return JSON.stringify(listed)
}

/**
 * Publish, pull, restore, or an edit of a listed field: every channel showing the release (before
 * or after) moves on.
 */
export const bumpOnReleaseChange: CollectionAfterChangeHook<Release> = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  if (context?.[sequenceBumpedContext]) return doc
  const before = manifestView(previousDoc)
  const after = manifestView(doc)
  if (before === after) return doc
  const channels = [
    ...(before ? channelsShowing(previousDoc) : []),
    ...(after ? channelsShowing(doc) : []),
  ]
  forgetCachedChannels(req.payload, await bumpSequences(req.payload, channels, req))
  return doc
}

export const bumpOnReleaseDelete: CollectionAfterDeleteHook<Release> = async ({ doc, req }) => {
  if (isShippedRelease(doc)) {
    forgetCachedChannels(req.payload, await bumpSequences(req.payload, channelsShowing(doc), req))
  }
  return doc
}
