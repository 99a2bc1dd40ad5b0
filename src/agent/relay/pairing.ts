import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

import { AgentError } from '../errors'

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

/**
 * The signatures a relay process heard within the time window: a captured request replayed while
 * its time is still fresh is refused (`isRepeat` is true the second time). Past the window the
 * time check refuses it, so older signatures are forgotten.
 */
export const createReplayGuard = () => {
  const seen = new Map<string, number>()
  return {
    isRepeat: (signature: string, time: string, now = new Date()): boolean => {
      for (const [heard, forgetAt] of seen) if (forgetAt < now.getTime()) seen.delete(heard)
      if (seen.has(signature)) return true
      seen.set(signature, Math.max(Number(time), now.getTime()) + allowedRequestSkewMs)
      return false
    },
  }
}

const leaseSealPrefix = 'lease.v1'

/** The key that seals a lease's license file: HKDF-SHA256 of the pairing secret. */
const leaseSealingKey = (secret: string): Buffer =>
  Buffer.from(
    hkdfSync('sha256', secret, 'hub-agent relay', 'lease license file v1', 32) as ArrayBuffer,
  )

/**
 * Seals the license file a lease hands a node (it carries the license key in its claims):
 * AES-256-GCM under a key derived from the pairing secret, the node's fingerprint as additional
 * data, as `lease.v1.<iv>.<tag>.<ciphertext>` (base64url). Only a paired node of that fingerprint
 * opens it; a LAN eavesdropper sees neither the file nor the key.
 */
export const sealLeaseFile = (secret: string, fingerprint: string, licenseFile: string): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', leaseSealingKey(secret), iv)
  cipher.setAAD(Buffer.from(fingerprint, 'utf8'))
  const sealed = Buffer.concat([cipher.update(licenseFile, 'utf8'), cipher.final()])
  return [
    leaseSealPrefix,
    ...[iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')),
  ].join('.')
}

/** Opens a sealed lease file; `LEASE_UNSEALABLE` for another secret, fingerprint or damage. */
export const unsealLeaseFile = (secret: string, fingerprint: string, sealed: unknown): string => {
  const parts = typeof sealed === 'string' ? sealed.split('.') : []
  const unsealable = (cause?: unknown) =>
    new AgentError(
      'LEASE_UNSEALABLE',
      "The master's lease cannot be opened with this node's pairing secret and fingerprint",
      { cause },
    )
  if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== leaseSealPrefix) throw unsealable()
  const [iv, tag, data] = parts.slice(2).map((part) => Buffer.from(part, 'base64url'))
  try {
    const decipher = createDecipheriv('aes-256-gcm', leaseSealingKey(secret), iv)
    decipher.setAAD(Buffer.from(fingerprint, 'utf8'))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
  } catch (error) {
    throw unsealable(error)
  }
}
