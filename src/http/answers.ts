import { BufferedBody, readBodyFromBuffer } from './bufferedBody'

/**
 * A `Response` whose body is whole and kept as bytes (`BufferedBody`): any reader gets the usual
 * `Response` (Payload and Next read `body` or `json()`), and the API host writes the bytes to the
 * socket in one piece without going through a stream.
 */
export class BufferedResponse extends Response {
  constructor(
    readonly buffered: BufferedBody,
    init: ResponseInit,
  ) {
    super(null, init)
  }

  override clone(): BufferedResponse {
    return new BufferedResponse(this.buffered.copy(), {
      status: this.status,
      statusText: this.statusText,
      headers: new Headers(this.headers),
    })
  }
}
readBodyFromBuffer(BufferedResponse.prototype)

/** `new Response(body, init)` for a body that is already whole (text or bytes). */
export const bytesResponse = (
  body: string | Uint8Array<ArrayBuffer>,
  init: ResponseInit = {},
): BufferedResponse =>
  new BufferedResponse(
    typeof body === 'string' ? BufferedBody.ofText(body) : new BufferedBody(body),
    init,
  )

/** `Response.json(data, init)`, as a `BufferedResponse`. */
export const jsonResponse = (data: unknown, init: ResponseInit = {}): BufferedResponse => {
  const headers = new Headers(init.headers)
  if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  return bytesResponse(JSON.stringify(data), { ...init, headers })
}

/** A whole answer, ready to write: status, headers, and the body bytes (none for a 304). */
export type WholeAnswer = {
  status: number
  headers: Record<string, string>
  body?: Uint8Array<ArrayBuffer>
}

/** The `Response` of a whole answer. */
export const responseOf = ({ status, headers, body }: WholeAnswer): Response =>
  body ? bytesResponse(body, { status, headers }) : new Response(null, { status, headers })

type AnswerInit = { status?: number; headers?: Record<string, string> }

/** A whole answer of JSON text already written. */
export const jsonTextAnswer = (
  json: string,
  { status = 200, headers = {} }: AnswerInit = {},
): WholeAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  // Buffer.from: a third of TextEncoder's cost for a 1 KiB answer.
  body: Buffer.from(json) as Uint8Array<ArrayBuffer>,
})

/** A JSON whole answer (what `jsonResponse` answers, before it is a `Response`). */
export const jsonAnswer = (data: unknown, init: AnswerInit = {}): WholeAnswer =>
  jsonTextAnswer(JSON.stringify(data), init)
