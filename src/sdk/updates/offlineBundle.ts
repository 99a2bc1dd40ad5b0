/**
 * Offline bundle: one file that carries a release to an air-gapped site.
 *
 *   PROMONITOR-OFFLINE-BUNDLE 1\n        magic line and format version, ASCII
 *   <compact JWS>\n                       the update manifest, typ `manifest+jws`, with the usual
 *                                         payload plus `offline: true` and exactly one release
 *   <artifact bytes>                      exactly `releases[0].artifact.size` bytes, nothing after
 *
 * The server builds it; `verifyOfflineBundle` checks all of it before anything is installed.
 * The manifest's `expiresAt` is not enforced: a bundle may sit on a USB stick for months before it
 * reaches a site that has no way to fetch a fresher one. Signature, kind, size and hash are.
 * Which app the bundle is for is the caller's check (`assertManifestIsFor`).
 */
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { offlineBundleMagicLine, SignedKind } from '../../lib/protocol'
import { VerificationError } from '../errors'
import type { TrustStore } from '../trustStore'
import type { ManifestRelease, UpdateManifest } from './types'
import { verifyArtifact } from './verifyArtifact'
import { readManifest } from './verifyManifest'

/** A manifest with one release is a few kilobytes; anything near this is not a bundle. */
const maximumHeaderBytes = 1024 * 1024
const newline = 0x0a

export { offlineBundleMagicLine }

export type OfflineBundleHeader = { jws: string; artifactOffset: number }

export type VerifiedOfflineBundle = {
  manifest: UpdateManifest
  release: ManifestRelease
  /** Where the artifact's bytes start in the bundle. */
  artifactOffset: number
  artifactSize: number
}

function invalid(message: string): VerificationError {
  return new VerificationError('BUNDLE_INVALID', `Offline bundle: ${message}`)
}

/**
 * Reads the magic line and the manifest JWS from the start of a bundle (the whole bundle or its
 * first bytes).
 */
export function parseOfflineBundleHeader(buffer: Uint8Array): OfflineBundleHeader {
  const magic = new TextEncoder().encode(offlineBundleMagicLine)
  if (
    buffer.byteLength < magic.byteLength ||
    !magic.every((byte, index) => buffer[index] === byte)
  ) {
    throw invalid('this is not an offline bundle (magic line missing)')
  }
  const jwsEnd = buffer.indexOf(newline, magic.byteLength)
  if (jwsEnd === -1) throw invalid('the manifest line is not terminated')
  const jws = Buffer.from(buffer.subarray(magic.byteLength, jwsEnd)).toString('latin1')
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws))
    throw invalid('the manifest line is not a compact JWS')
  return { jws, artifactOffset: jwsEnd + 1 }
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r')
  try {
    const head = new Uint8Array(maximumHeaderBytes)
    const { bytesRead } = await file.read(head, 0, head.byteLength, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

async function* bytesFrom(buffer: Uint8Array): AsyncGenerator<Uint8Array> {
  yield buffer
}

/** Checks an offline bundle, given as a file path (streamed, never loaded whole) or as bytes. */
export async function verifyOfflineBundle(
  file: string | Uint8Array,
  trust: TrustStore,
): Promise<VerifiedOfflineBundle> {
  const head = typeof file === 'string' ? await readHead(file) : file
  const { jws, artifactOffset } = parseOfflineBundleHeader(head)
  const { payload } = await trust.verify(jws, SignedKind.manifest)
  const manifest = readManifest(payload)
  if (manifest.offline !== true) throw invalid('the manifest is not marked offline')
  if (manifest.releases.length !== 1)
    throw invalid(`the manifest holds ${manifest.releases.length} releases, not 1`)
  const [release] = manifest.releases
  const { artifact } = release

  const totalBytes = typeof file === 'string' ? (await stat(file)).size : file.byteLength
  if (totalBytes - artifactOffset !== artifact.size) {
    throw new VerificationError(
      'ARTIFACT_SIZE_MISMATCH',
      `Offline bundle: ${totalBytes - artifactOffset} artifact bytes, the manifest says ${artifact.size}`,
    )
  }
  const artifactBytes =
    typeof file === 'string'
      ? createReadStream(file, { start: artifactOffset })
      : bytesFrom(file.subarray(artifactOffset))
  await verifyArtifact(artifactBytes, artifact)
  return { manifest, release, artifactOffset, artifactSize: artifact.size }
}
