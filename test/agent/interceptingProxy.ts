import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/** What the proxy does to the hub's answers: the network an attacker (or a bad line) controls. */
export type Interception = {
  /** Replaces the manifest's body (the hub's own is passed in). */
  manifest?: (upstreamText: string, url: URL) => string | Promise<string>
  /** Changes the bytes of an artifact file. */
  fileBytes?: (bytes: Buffer) => Buffer
  /**
   * Sends artifact files in 16 KiB pieces every 20 ms: a slow line, so a download can be killed
   * midway.
   */
  slowFiles?: boolean
}

/** An HTTP proxy in front of the hub's API host; `intercept` can be changed between requests. */
export const startInterceptingProxy = async (upstream: string) => {
  const proxy = {
    url: '',
    intercept: {} as Interception,
    fileRequests: [] as Array<{ range: string | undefined }>,
    close: async () => {},
  }
  const server = createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', upstream)
    const headers: Record<string, string> = {}
    for (const name of ['authorization', 'range', 'if-range', 'accept'])
      if (incoming.headers[name]) headers[name] = String(incoming.headers[name])
    const response = await fetch(url, { headers, redirect: 'manual' })
    const responseHeaders = Object.fromEntries(
      [...response.headers].filter(
        ([name]) =>
          !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name),
      ),
    )
    let body: Buffer = Buffer.from(await response.arrayBuffer())
    const { manifest, fileBytes, slowFiles } = proxy.intercept
    if (url.pathname === '/api/v1/updates/manifest' && manifest)
      body = Buffer.from(await manifest(body.toString('utf8'), url))
    const isFile = /\/api\/v1\/downloads\/[^/]+\/file$/.test(url.pathname)
    if (isFile) {
      proxy.fileRequests.push({ range: incoming.headers.range })
      if (fileBytes) body = fileBytes(body)
    }
    outgoing.writeHead(response.status, {
      ...responseHeaders,
      'content-length': String(body.length),
    })
    if (isFile && slowFiles) {
      for (let offset = 0; offset < body.length && !outgoing.destroyed; offset += 16 * 1024) {
        outgoing.write(body.subarray(offset, offset + 16 * 1024))
        await sleep(20)
      }
      outgoing.end()
      return
    }
    outgoing.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return proxy
}
