import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { handleEndpoints } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { loginHeaders } from '../helpers/rest'
import { startS3Server, type S3Sink } from '../helpers/s3Server'

describe('uploads on S3-compatible storage', () => {
  let s3: S3Sink
  let booted: TestPayload

  beforeAll(async () => {
    s3 = await startS3Server()
    booted = await bootPayload(s3.env)
  })
  afterAll(async () => {
    await booted?.shutdown()
    await s3?.close()
  })

  it('stores an uploaded image in the bucket, not on disk, and serves the same bytes back', async () => {
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer()
    const media = await booted.payload.create({
      collection: 'media',
      data: { alt: 'Teaser poster' },
      file: { data: image, mimetype: 'image/png', name: 'poster.png', size: image.length },
    })

    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    const object = await client.send(
      new GetObjectCommand({ Bucket: s3.bucket, Key: media.filename! }),
    )
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(image)

    const localUploads = path.join(booted.mediaDir, 'uploads')
    expect(existsSync(localUploads) ? readdirSync(localUploads) : []).toHaveLength(0)

    await booted.payload.create({
      collection: 'users',
      data: { email: 'editor@example.com', password: 'editor-password', roles: ['editor'] },
    })
    const headers = await loginHeaders(booted, 'users', 'editor@example.com', 'editor-password')
    const request = new Request(`http://localhost/api/media/file/${media.filename}`, { headers })
    const response = await handleEndpoints({
      config: booted.config,
      request,
      payloadInstanceCacheKey: booted.cacheKey,
    })
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer())).toEqual(image)
  })
})
