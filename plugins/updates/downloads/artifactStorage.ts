import { unlink } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { buildStoragePathData, sanitizePrefix } from '@payloadcms/plugin-cloud-storage/utilities'
import type { Payload } from 'payload'

import type { Artifact } from '../../../payload-types'
import type { UpdatesS3Options } from '../types'
import { updatesSettingsOf } from '../settings'

export type StoredArtifact = Pick<Artifact, 'id' | 'filename' | 'mimeType'> & {
  prefix?: string | null
  _objectKey?: string | null
}

/** Artifacts live in the S3 bucket when one is configured, else on the local disk. */
export const usesObjectStorage = (payload: Payload): boolean =>
  Boolean(updatesSettingsOf(payload).s3.bucket)

/** Where a locally stored artifact's file is. */
export const localPathOf = (payload: Payload, artifact: StoredArtifact): string => {
  const staticDir = payload.collections.artifacts.config.upload.staticDir ?? ''
  const filename = path.basename(String(artifact.filename))
  return path.resolve(staticDir, filename)
}

/** The object key the storage adapter used: `[prefix/][objectKey/]filename`. */
export const objectKeyOf = (artifact: StoredArtifact): string => {
  const docPrefix = [artifact.prefix, artifact._objectKey]
    .map((part) => sanitizePrefix(part ?? ''))
    .filter(Boolean)
    .join('/')
  return buildStoragePathData({
    collectionPrefix: '',
    docPrefix,
    filename: String(artifact.filename),
  }).storageFilePath
}

const clients = new WeakMap<UpdatesS3Options, S3Client>()

const s3ClientOf = (payload: Payload): { client: S3Client; bucket: string } => {
  const options = updatesSettingsOf(payload).s3
  let client = clients.get(options)
  if (!client) {
    client = new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? true,
      credentials: {
        accessKeyId: options.accessKeyId ?? '',
        secretAccessKey: options.secretAccessKey ?? '',
      },
    })
    clients.set(options, client)
  }
  return { client, bucket: String(options.bucket) }
}

export const attachmentDisposition = (filename: string): string => {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/** A presigned GET URL of the artifact's object, valid for `seconds`. */
export const presignArtifactUrl = async (
  payload: Payload,
  artifact: StoredArtifact,
  seconds: number,
): Promise<string> => {
  const { client, bucket } = s3ClientOf(payload)
  const command = new GetObjectCommand({
    Bucket: bucket,
    Key: objectKeyOf(artifact),
    ResponseContentDisposition: attachmentDisposition(String(artifact.filename)),
  })
  return getSignedUrl(client, command, { expiresIn: seconds })
}

/** The artifact's bytes from the bucket, streamed. */
export const readArtifactObject = async (
  payload: Payload,
  artifact: StoredArtifact,
): Promise<Readable> => {
  const { client, bucket } = s3ClientOf(payload)
  const answer = await client.send(
    new GetObjectCommand({ Bucket: bucket, Key: objectKeyOf(artifact) }),
  )
  return answer.Body as Readable
}

/** Deletes the artifact's file (object or local file); a file already gone is not an error. */
export const deleteArtifactFile = async (
  payload: Payload,
  artifact: StoredArtifact,
): Promise<void> => {
  if (usesObjectStorage(payload)) {
    const { client, bucket } = s3ClientOf(payload)
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKeyOf(artifact) }))
    return
  }
  try {
    await unlink(localPathOf(payload, artifact))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
