// `npm run start:api`: the API host on its own (PORT, default 3001). SIGTERM/SIGINT stop it
// gracefully; a second signal while stopping exits at once.
import { createApiHost } from './createApiHost'

const host = await createApiHost()
const { logger } = host.payload
logger.info(`API host: serving /api/v1 on ${host.url}`)

let stopping = false
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) {
    logger.warn(`${signal} again: exiting without waiting.`)
    process.exit(1)
  }
  stopping = true
  logger.info(`${signal}: draining in-flight requests, then closing the database.`)
  try {
    await host.close()
    logger.info('API host stopped.')
    process.exit(0)
  } catch (error) {
    logger.error({ err: error, msg: 'API host did not stop cleanly' })
    process.exit(1)
  }
}
process.on('SIGTERM', (signal) => void stop(signal))
process.on('SIGINT', (signal) => void stop(signal))
