import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/**
 * License keys at rest: the database holds each key sealed (AES-256-GCM) and, for lookups, an
 * HMAC-SHA256 index of its canonical form, both under keys derived from the server's secret. A
 * copy of the database alone reveals no license key, and finding a license by key stays one
 * indexed equality.
 */
type AtRestKeys = { index: Buffer; seal: Buffer }

const derived = new Map<string, AtRestKeys>()
const derive = (secret: string, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'license-update-hub', info, 32))

const keysOf = (secret: string): AtRestKeys => {
  let keys = derived.get(secret)
  if (!keys) {
    keys = {
      index: derive(secret, 'license-key-index v1'),
      seal: derive(secret, 'license-key-seal v1'),
    }
    derived.set(secret, keys)
  }
  return keys
}

const sealedPrefix = 'lk1.'
const additionalData = Buffer.from('license-key')

/** The lookup index of a canonical license key (see `canonicalLicenseKey`). */
export const licenseKeyIndex = (secret: string, canonicalKey: string): string =>
  createHmac('sha256', keysOf(secret).index).update(canonicalKey).digest('base64url')

export const isSealedLicenseKey = (value: string): boolean => value.startsWith(sealedPrefix)

export const sealLicenseKey = (secret: string, key: string): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keysOf(secret).seal, iv)
  cipher.setAAD(additionalData)
  const sealed = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()])
  return `${sealedPrefix}${[iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.')}`
}

/** The key a sealed value holds; throws when it was sealed under another secret or altered. */
export const openLicenseKey = (secret: string, sealed: string): string => {
  if (!isSealedLicenseKey(sealed)) throw new Error('Not a sealed license key')
  const [iv, data, tag] = sealed
    .slice(sealedPrefix.length)
    .split('.')
    .map((part) => Buffer.from(part, 'base64url'))
  const decipher = createDecipheriv('aes-256-gcm', keysOf(secret).seal, iv)
  decipher.setAAD(additionalData)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
}
