import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'

import { capabilities } from '../capabilities'
import type { AgentContext } from '../context'
import { readConfig } from '../state/stateFolder'
import { changeSettings } from '../state/changeSettings'
import { readStatus } from '../state/status'
import { panelPage } from '../panel/panelPage'
import { authorize } from './authorize'
import { EventStream } from './eventStream'
import { jsonRoute } from './routeHelpers'
import { writeDaemonToken } from './token'
import { defaultDaemonPort } from './defaultPort'

export type Daemon = { url: string; port: number; tokenFile: string; close: () => Promise<void> }

/**
 * `hub-agent serve`: HTTP on 127.0.0.1 only. JSON routes mirroring the commands, the event stream,
 * the reference panel at `/`, and each capability's background work (the regular checks).
 */
export const startDaemon = async ({
  stateDir,
  port = defaultDaemonPort,
}: {
  stateDir: string
  port?: number
}): Promise<Daemon> => {
  await readConfig(stateDir)
  const events = new EventStream()
  const context: AgentContext = { stateDir, emit: events.emit }
  const { token, file: tokenFile } = await writeDaemonToken(stateDir)
  const page = await panelPage()
  const routeRegistrars = await Promise.all(
    capabilities.map((capability) => capability.loadRoutes?.()),
  )

  let boundPort = port
  const app = express()
  app.disable('x-powered-by')
  app.use(authorize(token, () => boundPort))
  app.get('/', (_request, response) => {
    response.set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    })
    response.send(page)
  })
  app.get('/events', (_request, response) => events.add(response))
  app.get(
    '/status',
    jsonRoute(async () => readStatus(stateDir)),
  )

  const background = capabilities.flatMap((capability) =>
    capability.startBackgroundWork ? [capability.startBackgroundWork(context)] : [],
  )
  app.put(
    '/settings',
    express.json(),
    jsonRoute(async (request) => {
      const settings = await changeSettings(stateDir, (request.body ?? {}) as never)
      for (const work of background) work.settingsChanged?.()
      return { settings }
    }),
  )
  const router = express.Router()
  for (const registerRoutes of routeRegistrars) registerRoutes?.(router, context)
  app.use(router)
  app.use((_request: express.Request, response: express.Response) => {
    response.status(404).json({ code: 'NOT_FOUND', message: 'No such route' })
  })
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _request: express.Request,
      response: express.Response,
      _next: express.NextFunction,
    ) => {
      // express.json's own refusals (bad JSON, too large) are the caller's fault.
      const status = error.status && error.status < 500 ? error.status : 500
      response
        .status(status)
        .json({ code: status === 500 ? 'INTERNAL' : 'BAD_REQUEST', message: error.message })
    },
  )

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening))
    listening.on('error', reject)
  })
  boundPort = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    tokenFile,
    close: async () => {
      await Promise.all(background.map((work) => work.stop()))
      events.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
