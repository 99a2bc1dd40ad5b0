import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import { SignedKind, type UpdateManifest } from '../../../src/lib/protocol'
import { productBySlug } from '../../catalogue'
import { ClientError } from '../../clientApi'
import { and, eq, lt, tableOf } from '../../../src/database/database'
import { countManifestCache } from '../../metrics'
import { signJws } from '../../signing'
import { buildManifest, type ManifestScope } from './buildManifest'
import { readSequence, type ChannelOfLine } from './bumpSequence'
import { isReleaseChannel } from '../channels'
import { updatesSettingsOf } from '../settings'

export type ManifestQuery = { product: string; line: string; channel: string; platform: string }

/** A signed manifest ready to send: the exact bytes every instance serves, and their ETag. */
export type ManifestAnswer = {
  body: Uint8Array<ArrayBuffer>
  etag: string
  sequence: number
  manifest: UpdateManifest
}

type CachedAnswer = ManifestAnswer & {
  productId: number
  line: string
  channel: string
  /** When this instance last confirmed the sequence in the database. */
  checkedAt: number
  /** Past this, the manifest is signed again (less than half its validity left). */
  resignAt: number
}

type SignedRow = { id: number; body: string; etag: string }

const millisecondsPerDay = 24 * 60 * 60 * 1000

const keyOf = (query: ManifestQuery): string =>
  `${query.product}\u0000${query.line}\u0000${query.channel}\u0000${query.platform}`

const etagOf = (body: Buffer): string =>
  `"${createHash('sha256').update(body).digest('base64url')}"`

/**
 * Serves signed manifests from memory, backed by the `signed-manifests` rows every instance
 * shares. A request costs no query while the cached answer was confirmed less than
 * `sequenceCheckIntervalMs` ago; then one query reads the channel's sequence, and only when it
 * moved (or the manifest is due to be re-signed) is a manifest read, or built and signed once
 * for every instance.
 */
export class ManifestCache {
  readonly #payload: Payload
  readonly #answers = new Map<string, CachedAnswer>()
  readonly #pending = new Map<string, Promise<CachedAnswer>>()

  constructor(payload: Payload) {
    this.#payload = payload
  }

  get #settings() {
    return updatesSettingsOf(this.#payload)
  }

  /**
   * The manifest for `query`; throws a 404 ClientError for an unknown product, line, channel or
   * platform.
   */
  async manifestFor(query: ManifestQuery, now: number = Date.now()): Promise<ManifestAnswer> {
    const fresh = this.freshAnswerFor(query, now)
    countManifestCache(fresh !== undefined)
    if (fresh) return fresh
    const key = keyOf(query)
    let pending = this.#pending.get(key)
    if (!pending) {
      pending = this.#refresh(key, query, now).finally(() => this.#pending.delete(key))
      this.#pending.set(key, pending)
    }
    return pending
  }

  /**
   * The cached manifest for `query` while it needs no check (confirmed less than
   * `sequenceCheckIntervalMs` ago, not due to be re-signed), else undefined: what `manifestFor`
   * answers without a query, synchronously.
   */
  freshAnswerFor(query: ManifestQuery, now: number = Date.now()): ManifestAnswer | undefined {
    const cached = this.#answers.get(keyOf(query))
    return cached &&
      now - cached.checkedAt < this.#settings.sequenceCheckIntervalMs &&
      now < cached.resignAt
      ? cached
      : undefined
  }

  /** Makes this instance re-read the sequence of these channels on their next request. */
  forgetChannels(channels: ChannelOfLine[]): void {
    for (const answer of this.#answers.values()) {
      if (
        channels.some(
          (channel) =>
            String(channel.productId) === String(answer.productId) &&
            channel.line === answer.line &&
            channel.channel === answer.channel,
        )
      ) {
        answer.checkedAt = Number.NEGATIVE_INFINITY
      }
    }
  }

  async #refresh(key: string, query: ManifestQuery, now: number): Promise<CachedAnswer> {
    const scope = await this.#scopeOf(query)
    const channelOfLine: ChannelOfLine = {
      productId: scope.product.id,
      line: scope.line,
      channel: scope.channel,
    }
    const sequence = await readSequence(this.#payload, channelOfLine)
    const cached = this.#answers.get(key)
    if (cached && cached.sequence === sequence && now < cached.resignAt) {
      cached.checkedAt = now
      return cached
    }
    let row = await this.#readRow(scope, sequence)
    if (!row) row = await this.#signAndStore(scope, sequence, now)
    let answer = this.#toAnswer(row, scope, sequence, now)
    if (now >= answer.resignAt)
      answer = this.#toAnswer(await this.#resign(row, scope, sequence, now), scope, sequence, now)
    this.#answers.set(key, answer)
    return answer
  }

  async #scopeOf({
    product: slug,
    line,
    channel,
    platform,
  }: ManifestQuery): Promise<ManifestScope> {
    const shipsIt = (candidate: { lines: string[]; platforms: string[] }) =>
      candidate.lines.includes(line) && candidate.platforms.includes(platform)
    const product = await productBySlug(this.#payload, slug, shipsIt)
    if (!product) throw new ClientError(404, 'UNKNOWN_PRODUCT', `No product "${slug}"`)
    if (!(product.lines ?? []).includes(line))
      throw new ClientError(404, 'UNKNOWN_LINE', `${product.name} has no line "${line}"`)
    if (!isReleaseChannel(channel))
      throw new ClientError(404, 'UNKNOWN_CHANNEL', `No channel "${channel}" (stable, beta, alpha)`)
    if (!(product.platforms ?? []).includes(platform)) {
      throw new ClientError(
        404,
        'UNKNOWN_PLATFORM',
        `${product.name} is not built for "${platform}"`,
      )
    }
    return { product, line, channel, platform }
  }

  #where(scope: ManifestScope, sequence: number) {
    const table = tableOf(this.#payload, 'signed-manifests')
    return and(
      eq(table.product, scope.product.id),
      eq(table.line, scope.line),
      eq(table.channel, scope.channel),
      eq(table.platform, scope.platform),
      eq(table.sequence, sequence),
    )
  }

  async #readRow(scope: ManifestScope, sequence: number): Promise<SignedRow | undefined> {
    const table = tableOf(this.#payload, 'signed-manifests')
    const rows = await this.#payload.db.drizzle
      .select({ id: table.id, body: table.body, etag: table.etag })
      .from(table)
      .where(this.#where(scope, sequence))
      .limit(1)
    return rows[0]
  }

  async #sign(
    scope: ManifestScope,
    sequence: number,
    now: number,
  ): Promise<{ body: string; etag: string; manifest: UpdateManifest }> {
    const { manifestValidityDays, publicUrl } = this.#settings
    const manifest = await buildManifest(this.#payload, {
      ...scope,
      sequence,
      now: new Date(now),
      validityDays: manifestValidityDays,
      publicUrl,
    })
    const signed = await signJws(this.#payload, SignedKind.manifest, manifest)
    const body = JSON.stringify({ signed, ...manifest })
    return { body, etag: etagOf(Buffer.from(body)), manifest }
  }

  /**
   * Builds and signs the manifest of this sequence; when another instance got there first, its row
   * wins.
   */
  async #signAndStore(scope: ManifestScope, sequence: number, now: number): Promise<SignedRow> {
    const { body, etag, manifest } = await this.#sign(scope, sequence, now)
    const table = tableOf(this.#payload, 'signed-manifests')
    const stamp = new Date(now).toISOString()
    await this.#payload.db.drizzle
      .insert(table)
      .values({
        product: scope.product.id,
        line: scope.line,
        channel: scope.channel,
        platform: scope.platform,
        sequence,
        issuedAt: manifest.issuedAt,
        expiresAt: manifest.expiresAt,
        etag,
        body,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .onConflictDoNothing()
    // Manifests of older sequences are never served again.
    await this.#payload.db.drizzle
      .delete(table)
      .where(
        and(
          eq(table.product, scope.product.id),
          eq(table.line, scope.line),
          eq(table.channel, scope.channel),
          eq(table.platform, scope.platform),
          lt(table.sequence, sequence),
        ),
      )
    const stored = await this.#readRow(scope, sequence)
    if (!stored)
      throw new Error(`Signed manifest of sequence ${sequence} vanished after it was stored`)
    return stored
  }

  /**
   * Signs the same sequence again with a fresh expiry; one instance's update wins, the others read
   * it.
   */
  async #resign(
    row: SignedRow,
    scope: ManifestScope,
    sequence: number,
    now: number,
  ): Promise<SignedRow> {
    const { body, etag, manifest } = await this.#sign(scope, sequence, now)
    const table = tableOf(this.#payload, 'signed-manifests')
    await this.#payload.db.drizzle
      .update(table)
      .set({
        body,
        etag,
        issuedAt: manifest.issuedAt,
        expiresAt: manifest.expiresAt,
        updatedAt: new Date(now).toISOString(),
      })
      .where(and(eq(table.id, row.id), eq(table.etag, row.etag)))
    return (await this.#readRow(scope, sequence)) ?? row
  }

  #toAnswer(row: SignedRow, scope: ManifestScope, sequence: number, now: number): CachedAnswer {
    const { signed: _signed, ...manifest } = JSON.parse(row.body) as UpdateManifest & {
      signed: string
    }
    const halfValidity = (this.#settings.manifestValidityDays * millisecondsPerDay) / 2
    return {
      body: new TextEncoder().encode(row.body),
      etag: row.etag,
      sequence,
      manifest,
      productId: scope.product.id,
      line: scope.line,
      channel: scope.channel,
      checkedAt: now,
      resignAt: Date.parse(manifest.expiresAt) - halfValidity,
    }
  }
}

const caches = new WeakMap<Payload, ManifestCache>()

/** This instance's manifest cache. */
export const manifestCacheOf = (payload: Payload): ManifestCache => {
  let cache = caches.get(payload)
  if (!cache) caches.set(payload, (cache = new ManifestCache(payload)))
  return cache
}

export const forgetCachedChannels = (payload: Payload, channels: ChannelOfLine[]): void => {
  caches.get(payload)?.forgetChannels(channels)
}

/** The signed manifest of a product, line, channel and platform (cached; see `ManifestCache`). */
export const getManifest = (
  payload: Payload,
  query: ManifestQuery,
  now?: Date,
): Promise<ManifestAnswer> => manifestCacheOf(payload).manifestFor(query, now?.getTime())
