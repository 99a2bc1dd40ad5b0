import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['sharp', 'node-schedule', 's3rver'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
