import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ServeOptions = {
  /** 0 picks a free port. */
  port: number
  /** @default all interfaces */
  host?: string
  /**
   * How long `close()` lets in-flight requests finish before cutting their connections.
   * @default 10000
   */
  drainTimeoutMs?: number
}

export type ServedApp = {
  server: Server
  /** Base URL, e.g. `http://127.0.0.1:3001`. */
  url: string
  /** Stops accepting, lets in-flight requests finish (up to the drain timeout), then resolves. */
  close: () => Promise<void>
}

const drainingServers = new WeakSet<Server>()

/**
 * True while the server this answer goes out on is shutting down: the answer then carries
 * `Connection: close`, so the client does not send another request on that connection.
 */
export const isDraining = (res: ServerResponse): boolean =>
  drainingServers.has((res.socket as { server?: Server } | null)?.server as Server)

const urlOf = (address: AddressInfo, host: string | undefined): string => {
  const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : address.address
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`
}

/** How often, while draining, connections that went idle are closed. */
const idleSweepMs = 50

/**
 * Serves `listener` on plain HTTP with a graceful close: once closing, no new connection is
 * accepted, idle keep-alive connections are dropped (and each one that goes idle after its last
 * answer), requests still running get their answer, and whatever is left after `drainTimeoutMs`
 * is cut. Nothing is tracked per request, so serving costs nothing extra.
 */
export const serveApiApp = async (
  listener: RequestListener,
  { port, host, drainTimeoutMs = 10_000 }: ServeOptions,
): Promise<ServedApp> => {
  const server = createServer(listener)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      drainingServers.add(server)
      const sweep = setInterval(() => server.closeIdleConnections(), idleSweepMs)
      const cutOff = setTimeout(() => server.closeAllConnections(), drainTimeoutMs)
      sweep.unref()
      cutOff.unref()
      server.close(() => {
        clearInterval(sweep)
        clearTimeout(cutOff)
        resolve()
      })
      server.closeIdleConnections()
    }))

  return { server, url: urlOf(server.address() as AddressInfo, host), close }
}
