import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'

import type { Payload } from 'payload'
import { valid } from 'semver'

import { offlineBundleMagicLine, SignedKind, type UpdateManifest } from '../../../src/lib/protocol'
import { addDays } from '../../../src/lib/time'
import { productBySlug } from '../../catalogue'
import { badRequest, ClientError } from '../../clientApi'
import { signJws } from '../../signing'
import { readSequence } from '../manifests/bumpSequence'
import { isReleaseChannel } from '../channels'
import {
  localPathOf,
  objectKeyOf,
  readArtifactObject,
  usesObjectStorage,
} from '../downloads/artifactStorage'
import type { DownloadCredentials } from '../downloads/entitlement'
import { fileMissing, isMissingObject } from '../downloads/fileMissing'
import { findDownloadableArtifact } from '../downloads/findDownloadableArtifact'
import { releaseFieldsInManifest, toManifestRelease, type ListedRelease } from '../manifestRelease'
import { updatesSettingsOf } from '../settings'

export type OfflineBundleQuery = {
  product: string
  line: string
  version: string
  platform: string
}

export type OfflineBundle = {
  manifest: UpdateManifest
  /** Magic line and signed manifest line: the bytes before the artifact's. */
  header: Buffer
  /** Header and artifact, streamed (the artifact is read from disk or the bucket as it is sent). */
  stream: () => Promise<ReadableStream>
  size: number
  filename: string
}

/**
 * One file that carries a release to a site without internet access, in the format documented in
 * `src/sdk/updates/offlineBundle.ts`: a signed manifest marked `offline` holding exactly this
 * release, followed by the artifact's bytes. Same entitlement as a download.
 */
export const buildOfflineBundle = async (
  payload: Payload,
  {
    query,
    credentials,
    now = new Date(),
  }: { query: OfflineBundleQuery; credentials: DownloadCredentials; now?: Date },
): Promise<OfflineBundle> => {
  const { product: slug, line, version, platform } = query
  if (!valid(version)) throw badRequest(`version: "${version}" is not a semantic version`)
  const product = await productBySlug(payload, slug)
  if (!product) throw new ClientError(404, 'UNKNOWN_PRODUCT', `No product "${slug}"`)
  if (!(product.lines ?? []).includes(line))
    throw new ClientError(404, 'UNKNOWN_LINE', `${product.name} has no line "${line}"`)
  if (!(product.platforms ?? []).includes(platform))
    throw new ClientError(404, 'UNKNOWN_PLATFORM', `${product.name} is not built for "${platform}"`)

  const found = await payload.find({
    collection: 'releases',
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: releaseFieldsInManifest,
    where: {
      and: [
        { product: { equals: product.id } },
        { line: { equals: line } },
        { version: { equals: version } },
        { _status: { equals: 'published' } },
      ],
    },
  })
  const release = found.docs[0] as ListedRelease | undefined
  if (
    !release ||
    (release.status !== 'published' && release.status !== 'pulled') ||
    !isReleaseChannel(release.channel)
  ) {
    throw new ClientError(
      404,
      'UNKNOWN_VERSION',
      `No published ${product.name} ${line} release ${version}`,
    )
  }
  const artifacts = await payload.find({
    collection: 'artifacts',
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: { platform: true },
    where: { and: [{ release: { equals: release.id } }, { platform: { equals: platform } }] },
  })
  if (artifacts.docs.length === 0)
    throw new ClientError(
      404,
      'UNKNOWN_PLATFORM',
      `${product.name} ${version} has no build for "${platform}"`,
    )
  const { artifact } = await findDownloadableArtifact(payload, {
    artifactId: artifacts.docs[0].id,
    credentials,
    now,
  })
  if (!usesObjectStorage(payload)) {
    const kept = await stat(localPathOf(payload, artifact)).catch(() => null)
    if (!kept) throw fileMissing(payload, artifact, localPathOf(payload, artifact))
  }

  const { publicUrl, manifestValidityDays } = updatesSettingsOf(payload)
  const manifest: UpdateManifest = {
    product: product.slug,
    line,
    channel: release.channel,
    platform,
    sequence: await readSequence(payload, {
      productId: product.id,
      line,
      channel: release.channel,
    }),
    issuedAt: now.toISOString(),
    expiresAt: addDays(now, manifestValidityDays).toISOString(),
    releases: [toManifestRelease(release, artifact, publicUrl)],
    pulled: [],
    offline: true,
  }
  const signed = await signJws(payload, SignedKind.manifest, manifest)
  const header = Buffer.from(`${offlineBundleMagicLine}${signed}\n`, 'latin1')
  const stream = async (): Promise<ReadableStream> => {
    const artifactBytes = usesObjectStorage(payload)
      ? await readArtifactObject(payload, artifact).catch((error: unknown) => {
          throw isMissingObject(error)
            ? fileMissing(payload, artifact, `the bucket, key ${objectKeyOf(artifact)}`)
            : error
        })
      : createReadStream(localPathOf(payload, artifact))
    async function* bundleBytes() {
      yield header
      yield* artifactBytes
    }
    return Readable.toWeb(Readable.from(bundleBytes(), { objectMode: false })) as ReadableStream
  }
  return {
    manifest,
    header,
    stream,
    size: header.length + Number(artifact.size),
    filename: `${product.slug}-${line}-${version}-${platform}.pmbundle`,
  }
}
