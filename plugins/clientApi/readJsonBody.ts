import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { badRequest } from './clientError'

/** Client requests are small; anything larger is refused before it is parsed. */
export const maxBodyBytes = 16 * 1024

/** Reads and validates a JSON body: not JSON, too large or not matching `schema` is 400 BAD_REQUEST. */
export const readJsonBody = async <Schema extends z.ZodTypeAny>(req: PayloadRequest, schema: Schema): Promise<z.infer<Schema>> => {
  const declaredLength = Number(req.headers.get('content-length') ?? 0)
  if (declaredLength > maxBodyBytes) throw badRequest(`Body larger than ${maxBodyBytes} bytes`)
  let text: string
  try {
    text = (await req.text?.()) ?? ''
  } catch {
    throw badRequest('Unreadable body')
  }
  if (Buffer.byteLength(text) > maxBodyBytes) throw badRequest(`Body larger than ${maxBodyBytes} bytes`)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw badRequest('Body is not valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw badRequest(`${issue.path.join('.') || 'body'}: ${issue.message}`)
  }
  return parsed.data
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
