import { describe, expect, it } from 'vitest'
import { armorLicenseFile, unarmorLicenseFile } from '../../src/lib/protocol'

const jws = `${'a'.repeat(40)}.${'B_-9'.repeat(30)}.${'c'.repeat(86)}`

describe('license file armour', () => {
  it('wraps a JWS between BEGIN and END lines in lines of 64 characters', () => {
    const armoured = armorLicenseFile(jws)
    const lines = armoured.split('\n')
    expect(lines[0]).toBe('-----BEGIN LICENSE FILE-----')
    expect(armoured.endsWith('\n-----END LICENSE FILE-----\n')).toBe(true)
    const body = lines.slice(1, -2)
    expect(body.slice(0, -1).every((line) => line.length === 64)).toBe(true)
    expect(body.join('')).toBe(jws)
  })

  it('unwraps armoured text back to the same JWS', () => {
    expect(unarmorLicenseFile(armorLicenseFile(jws))).toBe(jws)
  })

  it('unwraps armour pasted with CRLF line ends, blank lines, indentation and surrounding whitespace', () => {
    const pasted = `\r\n  ${armorLicenseFile(jws).split('\n').join('\r\n\r\n   ')}  \r\n`
    expect(unarmorLicenseFile(pasted)).toBe(jws)
  })

  it('accepts a bare compact JWS', () => {
    expect(unarmorLicenseFile(`  ${jws}\n`)).toBe(jws)
  })

  it('throws on text that is not a license file', () => {
    expect(() => unarmorLicenseFile('hello')).toThrow()
    expect(() => unarmorLicenseFile('')).toThrow()
    expect(() => unarmorLicenseFile('a.b')).toThrow()
  })

  it('throws on armour that is not closed', () => {
    expect(() =>
      unarmorLicenseFile(armorLicenseFile(jws).replace('-----END LICENSE FILE-----', '')),
    ).toThrow()
  })

  it('throws on armour with other text around it', () => {
    expect(() => unarmorLicenseFile(`Dear customer,\n${armorLicenseFile(jws)}`)).toThrow()
  })
})
