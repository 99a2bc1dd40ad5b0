import type { Response } from 'express'

import type { AgentEvent } from '../context'

/**
 * The daemon's listeners on `GET /events`: every agent event goes to each as one Server-Sent Event.
 */
export class EventStream {
  readonly #clients = new Set<Response>()

  add(response: Response): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    response.write(': connected\n\n')
    this.#clients.add(response)
    response.on('close', () => this.#clients.delete(response))
  }

  emit = (event: AgentEvent): void => {
    const frame = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
    for (const client of this.#clients) client.write(frame)
  }

  close(): void {
    for (const client of this.#clients) client.end()
    this.#clients.clear()
  }
}
