import type { CollectionBeforeOperationHook } from 'payload'

import { checkPagination } from '../checkPagination'
import { checkWhere } from '../checkWhere'
import { InputRefused } from '../refusal'
import { resolveFieldPath } from '../resolveFieldPath'

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Operations whose `data` Payload puts into a query as it is (email, token), with no field
 * validation first.
 */
const queryingOperations = new Set(['login', 'forgotPassword', 'resetPassword', 'unlock'])

const textTypes = new Set(['text', 'textarea', 'email', 'code'])

const holdsNul = (data: unknown): boolean =>
  isPlainObject(data) &&
  Object.values(data as object).some(
    (value) => typeof value === 'string' && value.includes('\u0000'),
  )

/**
 * Checks what a REST or GraphQL caller sent before Payload hands it to the database: the `where`,
 * the page and limit, a document id, and that a write carries a document. The Local API is
 * trusted (our own code).
 */
export const guardOperation: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (req.payloadAPI === 'local') return args
  const { where, page, limit, id, data } = args as {
    where?: unknown
    page?: unknown
    limit?: unknown
    id?: unknown
    data?: unknown
  }
  const context = { payload: req.payload, collection: collection.slug }
  if (where !== undefined && where !== null) checkWhere(context, where)
  checkPagination({ page, limit })
  if (id !== undefined && id !== null) {
    const target = resolveFieldPath(req.payload, collection.slug, 'id')
    const numeric =
      target.kind === 'id'
        ? target.numeric
        : target.kind === 'field' && target.field.type === 'number'
    // The REST route has already turned the path's id into a Number: NaN for `abc`.
    if (
      numeric &&
      !(typeof id === 'number' ? Number.isSafeInteger(id) : /^[0-9]{1,15}$/.test(String(id)))
    ) {
      throw new InputRefused(
        'NOT_FOUND',
        `No ${collection.slug} document with id "${String(id).slice(0, 40)}"`,
        404,
      )
    }
  }
  if ((operation === 'create' || operation === 'update') && 'data' in args) {
    if (!isPlainObject(data))
      throw new InputRefused(
        'INVALID_BODY',
        'Send the document as a JSON object (Content-Type: application/json) or as multipart form data',
      )
    // The database adapter fails on an array field that is not a list (null included).
    for (const field of collection.flattenedFields) {
      const value = (data as Record<string, unknown>)[field.name]
      if (
        (field.type === 'array' || field.type === 'blocks') &&
        value !== undefined &&
        !Array.isArray(value)
      ) {
        throw new InputRefused('INVALID_BODY', `${field.name}: a list (send [] to empty it)`)
      }
      // Payload's text validations pass a list or an object through to the database driver.
      if (textTypes.has(field.type) && value !== undefined && value !== null) {
        const hasMany = 'hasMany' in field && field.hasMany === true
        const isText = hasMany
          ? Array.isArray(value) && value.every((item) => typeof item === 'string')
          : typeof value === 'string'
        if (!isText)
          throw new InputRefused(
            'INVALID_BODY',
            `${field.name}: ${hasMany ? 'a list of texts' : 'a text'} (send null to empty it)`,
          )
      }
    }
  }
  // PostgreSQL cannot take a NUL in any text parameter.
  if (queryingOperations.has(operation) && holdsNul(data)) {
    throw new InputRefused(
      'INVALID_BODY',
      'NUL characters are not accepted in an email, token or password',
    )
  }
  return args
}
