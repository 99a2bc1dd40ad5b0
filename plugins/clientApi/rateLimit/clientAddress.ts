import type { PayloadRequest } from 'payload'

/**
 * The caller's address: the one `X-Forwarded-For` hop both hosts set before anything reads the
 * request (the socket's, or what a proxy TRUST_PROXY names forwarded; src/server/clientOrigin.ts).
 */
export const clientAddress = (req: PayloadRequest): string => clientAddressOf(req.headers)

/** `clientAddress` of a request's headers (a server action reads them through `next/headers`). */
export const clientAddressOf = (headers: Pick<Headers, 'get'>): string =>
  headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown'
