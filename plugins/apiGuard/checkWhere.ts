import type { Payload } from 'payload'

import { InputRefused } from './refusal'
import { resolveFieldPath, type QueriedField } from './resolveFieldPath'

const comparisons = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const textMatches = new Set(['like', 'not_like', 'contains'])
const lists = new Set(['in', 'not_in'])
const geometry = new Set(['near', 'within', 'intersects'])
const operators = new Set([...comparisons, ...textMatches, ...lists, ...geometry, 'exists', 'all'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isScalar = (value: unknown): boolean =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)

const isNullish = (value: unknown): boolean => value === null || value === 'null'

const isWholeNumber = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isSafeInteger(value)
    : typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value)

const isNumeric = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))

const isDate = (value: unknown): boolean =>
  (typeof value === 'string' || typeof value === 'number') &&
  !Number.isNaN(new Date(value).getTime())

/**
 * Why `value` cannot be compared with what `target` names, or null when it can (or the target is
 * not known here).
 */
const valueProblem = (target: QueriedField, value: unknown): string | null => {
  if (isNullish(value)) return null
  // PostgreSQL cannot take a NUL in any text parameter, and no stored text holds one.
  if (typeof value === 'string' && value.includes('\u0000'))
    return 'NUL characters cannot be queried'
  if (target.kind === 'id')
    return target.numeric && !isWholeNumber(value) ? 'an id is a whole number' : null
  if (target.kind === 'unknown') return null
  const { field, numericIds } = target
  if (
    (field.type === 'relationship' || field.type === 'upload') &&
    numericIds &&
    !isWholeNumber(value)
  )
    return 'an id is a whole number'
  if (field.type === 'number' && !isNumeric(value)) return 'a number is expected'
  // PostgreSQL stores options as an enum, which refuses any other value.
  if (field.type === 'select' || field.type === 'radio') {
    const options = field.options.map((option) =>
      typeof option === 'string' ? option : option.value,
    )
    if (!options.includes(String(value))) return `one of ${options.join(', ')}`
  }
  if (field.type === 'date' && !isDate(value))
    return 'a date such as 2026-01-31 or 2026-01-31T12:00:00Z is expected'
  if (field.type === 'checkbox' && ![true, false, 'true', 'false'].includes(value as never))
    return 'true or false'
  return null
}

const textTypes = new Set(['text', 'textarea', 'email', 'code', 'richText', 'json'])
// `contains` also finds one value among many; the value is checked as for `equals`.
const containerTypes = new Set(['select', 'radio', 'relationship', 'upload', 'number'])

/**
 * Why a text match (like, not_like, contains) cannot run on `target` with `value`, or null when it
 * can.
 */
const textMatchProblem = (
  target: QueriedField,
  operator: string,
  value: unknown,
): string | null => {
  if (target.kind === 'unknown') return valueProblem(target, value)
  if (target.kind === 'field' && textTypes.has(target.field.type))
    return valueProblem(target, value)
  if (operator === 'contains' && target.kind === 'field' && containerTypes.has(target.field.type))
    return valueProblem(target, value)
  return `"${operator}" applies to text fields only`
}

type Context = { payload: Payload; collection: string }

const refuse = (message: string): never => {
  throw new InputRefused('INVALID_QUERY', message)
}

const checkCondition = (
  context: Context,
  trail: string,
  path: string,
  condition: unknown,
): void => {
  if (!isPlainObject(condition)) refuse(`${trail} needs an operator, such as ${trail}[equals]=…`)
  const target = resolveFieldPath(context.payload, context.collection, path)
  for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
    const where = `${trail}[${operator}]`
    if (!operators.has(operator))
      refuse(`${where}: unknown operator; use one of ${[...operators].join(', ')}`)
    if (operator === 'all') refuse(`${where}: the "all" operator is not supported by this database`)
    if (geometry.has(operator)) {
      if (target.kind === 'field' && target.field.type === 'point') continue
      refuse(`${where}: "${operator}" applies to point fields only`)
    }
    if (operator === 'exists') {
      if (![true, false, 'true', 'false'].includes(value as never))
        refuse(`${where}: true or false`)
      continue
    }
    if (lists.has(operator)) {
      const items =
        typeof value === 'string'
          ? value.split(',')
          : Array.isArray(value)
            ? value
            : refuse(`${where}: a comma-separated list`)
      for (const item of items as unknown[]) {
        if (!isScalar(item)) refuse(`${where}: a list of plain values`)
        const problem = valueProblem(target, item)
        if (problem) refuse(`${where}: ${problem}`)
      }
      continue
    }
    if (!isScalar(value)) refuse(`${where}: one plain value, not a list or an object`)
    const problem = comparisons.has(operator)
      ? valueProblem(target, value)
      : textMatchProblem(target, operator, value)
    if (problem) refuse(`${where}: ${problem}`)
  }
}

/**
 * Refuses (400 INVALID_QUERY) a `where` that the database would choke on: an operator that does
 * not exist or does not apply, a list or object where one value goes, an id, number or date that
 * is none. Paths it cannot follow are left to Payload, which refuses unknown ones itself.
 */
export const checkWhere = (context: Context, where: unknown, trail = 'where'): void => {
  if (!isPlainObject(where)) refuse(`${trail} must be an object of conditions`)
  for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const branches = Array.isArray(condition)
        ? condition
        : isPlainObject(condition)
          ? Object.values(condition)
          : refuse(`${trail}[${key}] must be a list of conditions`)
      ;(branches as unknown[]).forEach((branch, index) =>
        checkWhere(context, branch, `${trail}[${key}][${index}]`),
      )
      continue
    }
    checkCondition(context, `${trail}[${key}]`, key, condition)
  }
}
