import { randomBytes } from 'node:crypto'

/**
 * License key: `PREFIX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-C`, for example
 * `PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K`.
 *
 * - PREFIX names the product (`licenseKeyPrefixes`, otherwise the slug's first four letters).
 * - The body is 25 Crockford base32 characters: 125 random bits.
 * - C is a Crockford mod-37 check symbol. Every character of prefix and body is turned into a
 *   number (body: its Crockford value 0..31; prefix: its place in `0-9A-Z`, 0..35), and
 *   C = (sum of value × 32^position-from-the-right) mod 37. Because 37 is prime and larger than any
 *   difference of two values, and 32 and 31 are not multiples of 37, changing any one character
 *   or swapping two adjacent ones always changes C. Typos are refused before any database lookup.
 */
export const licenseKeyPrefixes: Record<string, string> = {
  promonitor: 'PMON',
  collector: 'PCOL',
  cockpit: 'PCKP',
}

const crockfordAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const checkAlphabet = `${crockfordAlphabet}*~$=U`
const prefixAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const bodyLength = 25
const groupLength = 5
const wellFormedKey = /^[0-9A-Z]{1,8}(-[0-9A-HJKMNP-TV-Z]{5}){5}-[0-9A-HJKMNP-TV-Z*~$=U]$/

function checkSymbol(prefix: string, body: string): string {
  const values = [
    ...[...prefix].map((character) => prefixAlphabet.indexOf(character)),
    ...[...body].map((character) => crockfordAlphabet.indexOf(character)),
  ]
  const remainder = values.reduce((sum, value) => (sum * 32 + value) % 37, 0)
  return checkAlphabet[remainder]
}

function prefixFor(productSlug: string): string {
  if (Object.hasOwn(licenseKeyPrefixes, productSlug)) return licenseKeyPrefixes[productSlug]
  const prefix = productSlug
    .replace(/[^a-z]/gi, '')
    .slice(0, 4)
    .toUpperCase()
  if (!prefix) throw new Error(`No license key prefix for product "${productSlug}"`)
  return prefix
}

function groupBody(body: string): string[] {
  return body.match(new RegExp(`.{${groupLength}}`, 'g')) ?? []
}

export function generateLicenseKey(productSlug: string): string {
  const prefix = prefixFor(productSlug)
  // 16 random bytes are 128 bits; the 3 lowest are dropped to keep exactly 25 × 5 bits.
  let bits = BigInt(`0x${randomBytes(16).toString('hex')}`) >> 3n
  let body = ''
  for (let index = 0; index < bodyLength; index++) {
    body = crockfordAlphabet[Number(bits & 31n)] + body
    bits >>= 5n
  }
  return [prefix, ...groupBody(body), checkSymbol(prefix, body)].join('-')
}

/**
 * The canonical form of what a person typed: upper case, look-alikes fixed (O → 0, I and L → 1)
 * outside the prefix (whose letters are meant: PMON), dashes and spaces put back in their places.
 * Text too short to be a key comes back trimmed and upper-cased only.
 */
export function normalizeLicenseKey(input: string): string {
  const trimmed = input.trim().toUpperCase()
  const compact = trimmed.replace(/[\s\-\u2010-\u2015\u2212]/g, '')
  const prefixLength = compact.length - bodyLength - 1
  if (prefixLength < 1) return trimmed
  const prefix = compact.slice(0, prefixLength)
  const rest = compact.slice(prefixLength).replace(/O/g, '0').replace(/[IL]/g, '1')
  return [prefix, ...groupBody(rest.slice(0, bodyLength)), rest.slice(bodyLength)].join('-')
}

/**
 * The canonical key when the input is one (format and check symbol right after
 * `normalizeLicenseKey`), else null.
 */
export function canonicalLicenseKey(input: string): string | null {
  const key = normalizeLicenseKey(input)
  if (!wellFormedKey.test(key)) return null
  const [prefix, ...rest] = key.split('-')
  const check = rest.pop()
  return checkSymbol(prefix, rest.join('')) === check ? key : null
}

/**
 * Format and check symbol are right; input is normalized first, so case and look-alikes do not
 * matter.
 */
export function isWellFormedLicenseKey(input: string): boolean {
  return canonicalLicenseKey(input) !== null
}
