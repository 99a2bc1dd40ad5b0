import { request } from 'node:http'
import { connect } from 'node:net'
import { Readable } from 'node:stream'

export type StreamedAnswer = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  bytesSent: number
}

/**
 * POSTs a chunked body of `totalBytes` (no Content-Length) made as it is pulled, and resolves with
 * the answer as soon as it is complete, saying how many bytes the server let the client send by
 * then.
 */
export const postStreamedBody = (
  url: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<StreamedAnswer> =>
  new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let bytesSent = 0
    const body = new Readable({
      read() {
        if (bytesSent >= totalBytes) return void this.push(null)
        bytesSent += chunk.length
        this.push(chunk)
      },
    })
    const target = new URL(url)
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (data: Buffer) => chunks.push(data))
        incoming.on('end', () => {
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            bytesSent,
          })
          body.destroy()
          outgoing.destroy()
        })
      },
    )
    // The server may cut the connection once it has answered (the promise is settled then); an
    // error before the whole answer is a failure, never a wait for the test's timeout.
    outgoing.on('error', reject)
    body.pipe(outgoing)
  })

/**
 * Sends a chunked body's first `firstChunk` bytes, then reads nothing for 3 s (the answer waits in
 * its receive buffer, as on a loaded machine) while sending a little now and then; then reads.
 */
export const slowReader = async (target: URL, firstChunk: number) => {
  const socket = connect(Number(target.port), target.hostname)
  await new Promise((resolve) => socket.once('connect', resolve))
  const received: Buffer[] = []
  let error: string | undefined
  socket.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code))
  const closed = new Promise((resolve) => socket.once('close', resolve))
  socket.write(
    `POST ${target.pathname} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
  )
  const chunk = (bytes: number) => `${bytes.toString(16)}\r\n${'x'.repeat(bytes)}\r\n`
  socket.write(chunk(firstChunk))
  for (let turn = 0; turn < 6; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    if (!socket.destroyed) socket.write(chunk(16))
  }
  socket.on('data', (data: Buffer) => received.push(data))
  await closed
  const answer = Buffer.concat(received).toString()
  return {
    status: answer.split('\r\n', 1)[0],
    error,
    refused: answer.includes('PAYLOAD_TOO_LARGE'),
  }
}
