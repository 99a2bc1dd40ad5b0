import { VerificationError } from './errors'

// A valid signature proves who wrote a payload, not that it has the shape this SDK expects
// (an older or newer server may differ), so every field is checked before it is used.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function malformed(what: string, field: string): VerificationError {
  return new VerificationError('MALFORMED', `${what}: "${field}" is missing or has the wrong type`)
}

export function readObject(
  source: Record<string, unknown>,
  field: string,
  what: string,
): Record<string, unknown> {
  const value = source[field]
  if (!isPlainObject(value)) throw malformed(what, field)
  return value
}

export function readString(source: Record<string, unknown>, field: string, what: string): string {
  const value = source[field]
  if (typeof value !== 'string') throw malformed(what, field)
  return value
}

export function readStringOrNull(
  source: Record<string, unknown>,
  field: string,
  what: string,
): string | null {
  const value = source[field]
  if (value === null || value === undefined) return null
  if (typeof value !== 'string') throw malformed(what, field)
  return value
}

export function readNumber(source: Record<string, unknown>, field: string, what: string): number {
  const value = source[field]
  if (typeof value !== 'number' || !Number.isFinite(value)) throw malformed(what, field)
  return value
}

export function readBoolean(source: Record<string, unknown>, field: string, what: string): boolean {
  const value = source[field]
  if (typeof value !== 'boolean') throw malformed(what, field)
  return value
}

export function readArray(source: Record<string, unknown>, field: string, what: string): unknown[] {
  const value = source[field]
  if (!Array.isArray(value)) throw malformed(what, field)
  return value
}

/** An ISO 8601 date string that parses. */
export function readDateString(
  source: Record<string, unknown>,
  field: string,
  what: string,
): string {
  const value = readString(source, field, what)
  if (Number.isNaN(Date.parse(value))) throw malformed(what, field)
  return value
}

/**
 * A database id: Payload's are numbers on SQL databases and strings elsewhere; read as a string.
 */
export function readId(source: Record<string, unknown>, field: string, what: string): string {
  const value = source[field]
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string' && value !== '') return value
  throw malformed(what, field)
}
