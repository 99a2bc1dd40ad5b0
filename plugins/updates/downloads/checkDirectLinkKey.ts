import type { Payload } from 'payload'

import { ClientError, createRateLimiter, rateLimitStoreOf, type RateLimiter } from '../../clientApi'
import { updatesSettingsOf } from '../settings'
import { downloadFileUrlOf } from './authorizeDownload'
import { issueDownloadToken } from './downloadToken'
import {
  findReleaseDownloads,
  type DownloadDecision,
  type ReleaseFile,
  type ReleaseOnPage,
} from './releaseDownloads'

/** A file of the release with its short-lived link, once a key opened it (null when not kept). */
export type OpenedFile = ReleaseFile & { url: string | null }

export type DirectLinkDownloads = {
  decision: DownloadDecision
  files: OpenedFile[]
  /** When the links stop working. */
  expiresAt: Date | null
}

/**
 * One answer for an unknown key and a key that does not cover the release (another product, line,
 * expired before the release, suspended), so the form tells a guesser nothing about which keys
 * exist.
 */
export const keyRefusedMessage =
  'This license key does not cover this release. Check the key in your license mail, or sign in to the portal.'

const longestKey = 200

const limiters = new WeakMap<Payload, RateLimiter>()

const limitOf = (payload: Payload) => {
  let limit = limiters.get(payload)
  if (!limit) {
    limit = createRateLimiter({
      ...updatesSettingsOf(payload).directLinkKeyChecks,
      name: 'portal:direct-link-key',
      redis: rateLimitStoreOf(payload),
    })
    limiters.set(payload, limit)
  }
  return limit
}

const refused = (code: string, message: string): DirectLinkDownloads => ({
  decision: { isAllowed: false, code, message },
  files: [],
  expiresAt: null,
})

/**
 * The direct link's key form: counts the try against the client address's budget, then, when the
 * key covers the release, the files with links valid `downloadTokenSeconds`.
 */
export const checkDirectLinkKey = async (
  payload: Payload,
  {
    release,
    licenseKey,
    address,
    now = new Date(),
  }: { release: ReleaseOnPage; licenseKey: string; address: string; now?: Date },
): Promise<DirectLinkDownloads> => {
  try {
    await limitOf(payload)(address, now.getTime())
  } catch (error) {
    if (!(error instanceof ClientError)) throw error
    const minutes = Math.max(1, Math.ceil(Number(error.headers['Retry-After'] ?? 60) / 60))
    return refused(
      'RATE_LIMITED',
      `Too many license keys tried from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    )
  }
  const typed = licenseKey.trim()
  if (!typed) return refused('KEY_MISSING', 'Enter the license key.')
  if (typed.length > longestKey) return refused('KEY_REFUSED', keyRefusedMessage)

  const { files, decision } = await findReleaseDownloads(payload, {
    release,
    credentials: { licenseKey: typed },
    now,
  })
  if (!decision.isAllowed) {
    return decision.code === 'RELEASE_PULLED'
      ? refused(decision.code, decision.message)
      : refused('KEY_REFUSED', keyRefusedMessage)
  }
  const seconds = updatesSettingsOf(payload).downloadTokenSeconds
  const opened = await Promise.all(
    files.map(async (file) => {
      if (!file.isKept) return { file: { ...file, url: null }, expiresAt: null }
      const { token, expiresAt } = await issueDownloadToken(payload, file.id, { seconds, now })
      return { file: { ...file, url: downloadFileUrlOf(payload, file.id, token) }, expiresAt }
    }),
  )
  return {
    decision,
    files: opened.map(({ file }) => file),
    expiresAt: opened.find(({ expiresAt }) => expiresAt)?.expiresAt ?? null,
  }
}
