// The Next app's server (`npm run dev`, `npm start`): Next's own request handler behind
// `createAppListener`, which sets the client's address from the socket (or a proxy TRUST_PROXY
// names) before Next sees the request: Next keeps an incoming X-Forwarded-For as it is, and
// that header is what Payload and the rate limits read. It also caps bodies and sets the
// security headers. NODE_ENV=production serves the build (`npm run build`); anything else is dev.
import { createServer } from 'node:http'

import nextEnv from '@next/env'
import next from 'next'

const dev = process.env.NODE_ENV !== 'production'
// `next dev`/`next start` read .env files before anything else: so must this, before src/env.ts
// reads the environment.
nextEnv.loadEnvConfig(process.cwd(), dev)

const { env } = await import('../env')
const { createAppListener } = await import('./createAppListener')
const { drainTimeoutMs, onStopSignals } = await import('./stopSignals')
const { trustProxySetting } = await import('./trustProxy')
const { writeJsonLogLine } = await import('../http/logging')

/** Empty: every interface. */
const host = process.env.HOST || undefined
const port = env.appPort

const server = createServer()
const app = next({ dev, hostname: host ?? 'localhost', port, httpServer: server })
await app.prepare()
server.on(
  'request',
  createAppListener({
    handle: app.getRequestHandler(),
    trustProxy: trustProxySetting(env.trustProxy),
    publicUrl: env.publicUrl,
    dev,
    jsonLogs: env.logFormat === 'json',
  }),
)
await new Promise<void>((resolve, reject) => {
  server.once('error', reject)
  server.listen(port, host, () => resolve())
})
const listening = `▲ Next app (${dev ? 'development' : 'production'}) on http://${host ?? 'localhost'}:${port}`
if (env.logFormat === 'json') writeJsonLogLine('info', listening)
else console.log(listening)

// SIGTERM/SIGINT: stop accepting, let in-flight requests finish (up to drainTimeoutMs), then exit;
// a second signal exits at once.
onStopSignals(
  () => {
    if (dev) process.exit(0)
    setTimeout(() => process.exit(0), drainTimeoutMs).unref()
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setInterval(() => server.closeIdleConnections(), 50).unref()
  },
  () => process.exit(1),
)
