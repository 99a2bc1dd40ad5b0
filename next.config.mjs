import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // No X-Powered-By (withPayload adds "Next.js, Payload" unless this is false).
  poweredByHeader: false,
  serverExternalPackages: ['sharp', 'node-schedule', 's3rver'],
  // `npm run typecheck` checks the whole project (CI runs it before building); no second pass here.
  typescript: { ignoreBuildErrors: true },
  // Payload picks an error's log level by its class name (`loggingLevels`: a failed sign-in is one
  // line of ours, not Payload's error and stack; NotFound, Forbidden, ValidationError are info).
  // Minified server code renames the classes (`AuthenticationError` became `u`), and every error
  // was logged with its stack. The client bundle is minified as before.
  experimental: { serverMinification: false },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
