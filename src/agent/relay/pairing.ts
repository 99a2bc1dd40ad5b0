import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** How far a request's time may be from the relay's clock. */
export const allowedRequestSkewMs = 5 * 60 * 1000

export const timeHeader = 'x-relay-time'
export const signatureHeader = 'x-relay-signature'

export const newPairingSecret = (): string => randomBytes(32).toString('base64url')

const signedText = (method: string, path: string, body: string, time: string): string =>
  [method.toUpperCase(), path, time, createHash('sha256').update(body).digest('hex')].join('\n')

/** HMAC-SHA256 of method, path, body and time with the pairing secret (base64url). */
export const signRelayRequest = (
  secret: string,
  { method, path, body, time }: { method: string; path: string; body: string; time: string },
): string =>
  createHmac('sha256', secret)
    .update(signedText(method, path, body, time))
    .digest('base64url')

/** The headers a paired node sends with every relay request. */
export const relayHeaders = (
  secret: string,
  request: { method: string; path: string; body: string },
  now = new Date(),
): Record<string, string> => {
  const time = String(now.getTime())
  return { [timeHeader]: time, [signatureHeader]: signRelayRequest(secret, { ...request, time }) }
}

/** True when the request carries a fresh HMAC made with the pairing secret. */
export const isPairedRequest = (
  secret: string | null,
  {
    method,
    path,
    body,
    time,
    signature,
  }: { method: string; path: string; body: string; time?: string; signature?: string },
  now = new Date(),
): boolean => {
  if (!secret || !time || !signature || !/^\d{1,16}$/.test(time)) return false
  if (Math.abs(now.getTime() - Number(time)) > allowedRequestSkewMs) return false
  const expected = Buffer.from(signRelayRequest(secret, { method, path, body, time }))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
