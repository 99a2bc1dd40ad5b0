import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { payloadTooLarge } from './bodyLimits'
import { badRequest, ClientError } from './clientError'

/** Client requests are small; anything larger is refused (413) before it is parsed. */
export const maxBodyBytes = 16 * 1024

const decoder = new TextDecoder()

export type BodyLimit = {
  /** A limit other than `maxBodyBytes`, for an endpoint whose contract allows more (a batch). */
  maxBytes?: number
  /** What an empty body reads as (a one-click staff action sends none); refused when unset. */
  emptyAs?: unknown
}

const tooLarge = (maxBytes: number): ClientError => {
  const { code, message } = payloadTooLarge(maxBytes)
  return new ClientError(413, code, message)
}

/**
 * Validates a JSON body already read whole: over `maxBodyBytes` is 413 PAYLOAD_TOO_LARGE; not JSON
 * or not matching `schema` 400 BAD_REQUEST.
 */
export const parseJsonBody = <Schema extends z.ZodTypeAny>(
  body: Uint8Array | string,
  schema: Schema,
  { maxBytes = maxBodyBytes, emptyAs }: BodyLimit = {},
): z.infer<Schema> => {
  if ((typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) > maxBytes)
    throw tooLarge(maxBytes)
  const text = typeof body === 'string' ? body : decoder.decode(body)
  let json: unknown = emptyAs
  try {
    if (emptyAs === undefined || text.trim() !== '') json = JSON.parse(text)
  } catch {
    throw badRequest('Body is not valid JSON')
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw badRequest(`${issue.path.join('.') || 'body'}: ${issue.message}`)
  }
  return parsed.data
}

/**
 * The body's bytes, read from its stream only up to `maxBodyBytes`: one more and the stream is
 * cancelled.
 */
const readCapped = async (
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array> => {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    length += value.byteLength
    if (length > maxBytes) {
      void reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, length)
}

/**
 * Reads and validates a request's JSON body (see `parseJsonBody`). A declared length over the
 * limit is refused unread; a body without one (chunked) is read only up to the limit.
 */
export const readJsonBody = async <Schema extends z.ZodTypeAny>(
  req: PayloadRequest,
  schema: Schema,
  { maxBytes = maxBodyBytes, emptyAs }: BodyLimit = {},
): Promise<z.infer<Schema>> => {
  const declared = req.headers.get('content-length')
  if (Number(declared ?? 0) > maxBytes) throw tooLarge(maxBytes)
  let body: Uint8Array | string
  try {
    // With a declared length the framing bounds the body: it can be read whole.
    body =
      declared !== null || !req.body
        ? ((await req.text?.()) ?? '')
        : await readCapped(req.body, maxBytes)
  } catch (error) {
    if (error instanceof ClientError) throw error
    throw badRequest('Unreadable body')
  }
  return parseJsonBody(body, schema, { maxBytes, emptyAs })
}

/** Validates query parameters the same way. */
export const readQuery = <Schema extends z.ZodTypeAny>(
  req: PayloadRequest,
  schema: Schema,
): z.infer<Schema> => {
  const url = new URL(req.url ?? '', 'http://localhost')
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw badRequest(`${issue.path.join('.') || 'query'}: ${issue.message}`)
  }
  return parsed.data
}
