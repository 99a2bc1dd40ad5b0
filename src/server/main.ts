// The API host (`npm run start:api`): one process serving /api/v1 on API_HOST_PORT (default 3001),
// or with
// API_HOST_WORKERS > 1 a primary and that many of them sharing the port (runWorkers.ts).
//
// It runs under `node --conditions=production`, which makes Node load Lexical's plain builds. The
// `lexical` and `@lexical/*` entry points Node picks by default (`*.node.mjs`) choose a build with
// a top-level `await import()`, and on Node 20 that graph of awaits sometimes never settles: the
// process ended with exit code 13 and no output, or hung silently when a timer held the loop (1
// cold start in 15 to 30 on a loaded machine; 0 in 45 with the condition). Payload's CLI scripts
// in package.json (seed, generate:*) load the config under the same condition for the same reason.
import cluster from 'node:cluster'

import { env } from '../env'

// Imported on demand: the primary of several workers loads no Payload of its own.
if (env.apiHostWorkers > 1 && cluster.isPrimary)
  await (
    await import('./runWorkers')
  ).runWorkers(env.apiHostWorkers, {
    serveMetrics: Boolean(env.metricsToken),
    jsonLogs: env.logFormat === 'json',
  })
else await (await import('./runApiHost')).runApiHost()
