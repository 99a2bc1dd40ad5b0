import type { PayloadRequest } from 'payload'

/**
 * The caller's address: the one `X-Forwarded-For` hop both hosts set before anything reads the
 * request (the socket's, or what a proxy TRUST_PROXY names forwarded; src/server/clientOrigin.ts).
 */
export const clientAddress = (req: PayloadRequest): string =>
  req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown'
