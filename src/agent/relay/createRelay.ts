import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express, { type NextFunction, type Request, type Response } from 'express'

import { unseal } from '../license/sealedSecrets'
import { readConfig, readState } from '../state/stateFolder'
import { toAgentError } from '../update/refusals'
import { assertNodeRequest, cullLeases, leaseSeat, relayRecordOf, releaseSeat } from './leases'
import { createReplayGuard, isPairedRequest, signatureHeader, timeHeader } from './pairing'
import { defaultLeaseTtlSeconds, defaultRelayPort } from './types'

export type Relay = { url: string; port: number; close: () => Promise<void> }

/**
 * `hub-agent relay`: the master's relay for its slaves and collectors (express, all interfaces:
 * the nodes are on the LAN). Every route but health needs the pairing HMAC, each signed request
 * heard once (a replay within the time window is refused). Leases are culled
 * every quarter of their time to live.
 */
export const startRelay = async ({
  stateDir,
  port = defaultRelayPort,
  host = '0.0.0.0',
  leaseTtlSeconds = defaultLeaseTtlSeconds,
}: {
  stateDir: string
  port?: number
  host?: string
  leaseTtlSeconds?: number
}): Promise<Relay> => {
  await readConfig(stateDir)
  const app = express()
  app.disable('x-powered-by')
  app.use(express.raw({ type: () => true, limit: '16kb' }))

  const bodyOf = (request: Request): string =>
    Buffer.isBuffer(request.body) ? request.body.toString('utf8') : ''

  app.get('/relay/v1/health', async (_request, response) => {
    const state = await readState(stateDir)
    response.json({
      status: 'ok',
      licensed: Boolean(state.license?.sealedKey),
      leases: Object.keys(relayRecordOf(state).leases).length,
      leaseTtlSeconds,
    })
  })

  const replays = createReplayGuard()
  const paired = async (request: Request, response: Response, next: NextFunction) => {
    const state = await readState(stateDir)
    const sealed = relayRecordOf(state).sealedSecret
    const secret = sealed ? await unseal(stateDir, sealed) : null
    const ok = isPairedRequest(secret, {
      method: request.method,
      path: request.originalUrl,
      body: bodyOf(request),
      time: request.header(timeHeader),
      signature: request.header(signatureHeader),
    })
    if (
      ok &&
      replays.isRepeat(String(request.header(signatureHeader)), String(request.header(timeHeader)))
    ) {
      response
        .status(401)
        .json({ code: 'REPLAYED', message: 'This signed request was already heard: it is refused' })
      return
    }
    if (ok) {
      response.locals.pairingSecret = secret
      return next()
    }
    response
      .status(401)
      .json({ code: 'UNAUTHORIZED', message: 'This node is not paired with the relay' })
  }

  const route =
    (
      work: (
        request: Request,
        response: Response,
      ) => Promise<{ status: number; body: Record<string, unknown> }>,
    ) =>
    async (request: Request, response: Response) => {
      try {
        const answer = await work(request, response)
        if (answer.status === 204) response.status(204).end()
        else response.status(answer.status).json(answer.body)
      } catch (error) {
        const failure = toAgentError(error)
        const status = failure.code === 'BAD_REQUEST' ? 400 : failure.refused ? 409 : 502
        response.status(status).json({ code: failure.code, message: failure.message })
      }
    }

  // The vendor's keys as the master pinned them, for a node set up without --trust.
  app.get(
    '/relay/v1/keys',
    paired,
    route(async () => {
      const { trust } = await readConfig(stateDir)
      return { status: 200, body: { keys: trust.keys, statements: trust.statements } }
    }),
  )
  app.put(
    '/relay/v1/nodes/:fingerprint',
    paired,
    route(async (request, response) => {
      let body: unknown
      try {
        body = JSON.parse(bodyOf(request) || '{}')
      } catch {
        return { status: 400, body: { code: 'BAD_REQUEST', message: 'The body is not JSON' } }
      }
      const node = assertNodeRequest(String(request.params.fingerprint), body)
      return leaseSeat(stateDir, node, {
        ttlSeconds: leaseTtlSeconds,
        pairingSecret: String(response.locals.pairingSecret),
      })
    }),
  )
  app.delete(
    '/relay/v1/nodes/:fingerprint',
    paired,
    route(async (request) => releaseSeat(stateDir, String(request.params.fingerprint))),
  )
  // A node's update checks: the read-only protocol forwarded to the server verbatim (status, body,
  // the headers that describe it), so the node verifies every signature itself.
  const forwardToServer = async (request: Request, response: Response) => {
    try {
      const { server } = await readConfig(stateDir)
      const headers: Record<string, string> = {}
      for (const name of ['accept', 'if-none-match'])
        if (request.header(name)) headers[name] = String(request.header(name))
      const upstream = await fetch(new URL(request.originalUrl, server), {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      })
      response.status(upstream.status)
      for (const name of ['content-type', 'etag', 'cache-control', 'last-modified']) {
        const value = upstream.headers.get(name)
        if (value) response.setHeader(name, value)
      }
      response.end(Buffer.from(await upstream.arrayBuffer()))
    } catch (error) {
      response.status(502).json({
        code: 'MASTER_OFFLINE',
        message: `The master cannot reach the server: ${(error as Error).message}`,
      })
    }
  }
  app.get('/api/v1/keys', paired, forwardToServer)
  app.get('/api/v1/updates/manifest', paired, forwardToServer)

  app.use((_request: Request, response: Response) => {
    response.status(404).json({ code: 'NOT_FOUND', message: 'No such route' })
  })

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening))
    listening.on('error', reject)
  })
  let culling: Promise<unknown> = Promise.resolve()
  const timer = setInterval(
    () => {
      culling = culling.then(() => cullLeases(stateDir)).catch(() => undefined)
    },
    Math.max(250, (leaseTtlSeconds * 1000) / 4),
  )
  const boundPort = (server.address() as AddressInfo).port
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${boundPort}`,
    port: boundPort,
    close: async () => {
      clearInterval(timer)
      await culling
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
