import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { badRequest } from './clientError'

/** Client requests are small; anything larger is refused before it is parsed. */
export const maxBodyBytes = 16 * 1024

const decoder = new TextDecoder()

/** Validates a JSON body already read whole: not JSON, too large or not matching `schema` is 400 BAD_REQUEST. */
export const parseJsonBody = <Schema extends z.ZodTypeAny>(body: Uint8Array | string, schema: Schema): z.infer<Schema> => {
  if ((typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) > maxBodyBytes) throw badRequest(`Body larger than ${maxBodyBytes} bytes`)
  let json: unknown
  try {
    json = JSON.parse(typeof body === 'string' ? body : decoder.decode(body))
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

/** Reads and validates a request's JSON body (see `parseJsonBody`); a declared length over the limit is refused unread. */
export const readJsonBody = async <Schema extends z.ZodTypeAny>(req: PayloadRequest, schema: Schema): Promise<z.infer<Schema>> => {
  const declaredLength = Number(req.headers.get('content-length') ?? 0)
  if (declaredLength > maxBodyBytes) throw badRequest(`Body larger than ${maxBodyBytes} bytes`)
  let text: string
  try {
    text = (await req.text?.()) ?? ''
  } catch {
    throw badRequest('Unreadable body')
  }
  return parseJsonBody(text, schema)
}

/** Validates query parameters the same way. */
export const readQuery = <Schema extends z.ZodTypeAny>(req: PayloadRequest, schema: Schema): z.infer<Schema> => {
  const url = new URL(req.url ?? '', 'http://localhost')
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw badRequest(`${issue.path.join('.') || 'query'}: ${issue.message}`)
  }
  return parsed.data
}
