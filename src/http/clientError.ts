import { jsonAnswer, responseOf, type WholeAnswer } from './answers'

/**
 * A refusal the client protocol documents: a stable machine `code`, a message for people, and
 * the HTTP status. Thrown by domain functions and endpoints; `clientEndpoint` turns it into JSON.
 */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ClientError'
  }
}

export const badRequest = (message: string): ClientError =>
  new ClientError(400, 'BAD_REQUEST', message)

/**
 * A refusal as a whole answer (what a fast answer sends), and as the `Response` a handler returns.
 */
export const errorAnswer = (error: ClientError): WholeAnswer =>
  jsonAnswer(
    { code: error.code, message: error.message },
    { status: error.status, headers: error.headers },
  )

export const errorResponse = (error: ClientError): Response => responseOf(errorAnswer(error))
