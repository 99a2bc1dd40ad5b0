import { describe, expect, it } from 'vitest'
import {
  canonicalLicenseKey,
  generateLicenseKey,
  isWellFormedLicenseKey,
  normalizeLicenseKey,
} from '../../src/lib/licenseKey'

const crockfordAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const checkAlphabet = `${crockfordAlphabet}*~$=U`
const prefixAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const keyFormat = /^PMON(-[0-9A-HJKMNP-TV-Z]{5}){5}-[0-9A-HJKMNP-TV-Z*~$=U]$/

function alphabetAt(key: string, index: number): string {
  if (index < key.indexOf('-')) return prefixAlphabet
  if (index === key.length - 1) return checkAlphabet
  return crockfordAlphabet
}

describe('license keys', () => {
  it('generates a ProMonitor key in the PMON-XXXXX×5-C format that passes its own check', () => {
    const key = generateLicenseKey('promonitor')
    expect(key).toMatch(keyFormat)
    expect(isWellFormedLicenseKey(key)).toBe(true)
  })

  it('prefixes collector and cockpit keys with PCOL and PCKP', () => {
    expect(generateLicenseKey('collector').startsWith('PCOL-')).toBe(true)
    expect(generateLicenseKey('cockpit').startsWith('PCKP-')).toBe(true)
  })

  it('prefixes a key for an unknown product with the first four letters of its slug', () => {
    const key = generateLicenseKey('log-shipper')
    expect(key.startsWith('LOGS-')).toBe(true)
    expect(isWellFormedLicenseKey(key)).toBe(true)
  })

  it('refuses to generate a key for a slug without letters', () => {
    expect(() => generateLicenseKey('42')).toThrow()
  })

  it('generates a different key every time', () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateLicenseKey('promonitor')))
    expect(keys.size).toBe(2000)
  })

  it('rejects every single-character substitution in a key', () => {
    for (let sample = 0; sample < 20; sample++) {
      const key = generateLicenseKey('promonitor')
      let substitutions = 0
      for (let index = 0; index < key.length; index++) {
        if (key[index] === '-') continue
        for (const replacement of alphabetAt(key, index)) {
          if (replacement === key[index]) continue
          const typo = key.slice(0, index) + replacement + key.slice(index + 1)
          expect(isWellFormedLicenseKey(typo), typo).toBe(false)
          substitutions++
        }
      }
      expect(substitutions).toBeGreaterThan(800)
    }
  })

  it('rejects every swap of two adjacent different characters in the body', () => {
    const key = generateLicenseKey('promonitor')
    const [prefix, ...groups] = key.split('-')
    const check = groups.pop() as string
    const body = groups.join('')
    for (let index = 0; index < body.length - 1; index++) {
      if (body[index] === body[index + 1]) continue
      const swapped = body.slice(0, index) + body[index + 1] + body[index] + body.slice(index + 2)
      const typo = [prefix, ...swapped.match(/.{5}/g)!, check].join('-')
      expect(isWellFormedLicenseKey(typo), typo).toBe(false)
    }
  })

  it('accepts a key typed in lower case, without dashes, with spaces or with look-alike letters', () => {
    const valid = keyWithBody('7QK2M0ZC91H4TXVN8R1B6JWEA')
    const withLookAlikes = valid.replace(/-0ZC91-/, '-OZC9l-').toLowerCase()
    expect(isWellFormedLicenseKey(withLookAlikes)).toBe(true)
    expect(normalizeLicenseKey(withLookAlikes)).toBe(valid)
    expect(canonicalLicenseKey(withLookAlikes)).toBe(valid)
    expect(normalizeLicenseKey(`  ${valid.replace(/-/g, '')}  `)).toBe(valid)
    expect(normalizeLicenseKey(valid.replace(/-/g, ' '))).toBe(valid)
  })

  it('keeps the letter O in the prefix when normalizing', () => {
    const key = generateLicenseKey('promonitor')
    expect(normalizeLicenseKey(key.toLowerCase())).toBe(key)
  })

  it('rejects text that is not shaped like a key', () => {
    for (const input of [
      '',
      'PMON',
      'hello world',
      'PMON-AAAAA-AAAAA-AAAAA-AAAAA-A',
      'PMON-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-0',
    ]) {
      expect(isWellFormedLicenseKey(input), input).toBe(false)
      expect(canonicalLicenseKey(input), input).toBeNull()
    }
  })
})

/** The one key with this body whose check symbol is right, found by trying every symbol. */
function keyWithBody(body: string): string {
  const groups = body.match(/.{5}/g)!.join('-')
  for (const check of checkAlphabet) {
    const key = `PMON-${groups}-${check}`
    if (isWellFormedLicenseKey(key)) return key
  }
  throw new Error('no check symbol fits')
}
