import S3rver from 's3rver'

import { makeTempDir } from './tempDir'

export type S3Sink = {
  endpoint: string
  bucket: string
  env: Record<string, string>
  close: () => Promise<void>
}

/** A real S3-compatible server (s3rver) on a free local port, with one empty bucket. */
export const startS3Server = async (bucket = 'hub-test'): Promise<S3Sink> => {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: makeTempDir('hub-s3-'),
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const { port } = (await server.run()) as { port: number }
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
    },
    close: () => server.close(),
  }
}
