import type { AfterErrorHook } from 'payload'

import { controlCharactersMessage } from '../../../collections/validation/controlCharacters'
import { refusalCodeOf } from '../refusal'

/**
 * A JSON.parse of the request's own input (`?where=`, `?data=`) that failed: Payload lets it
 * through as a 500.
 */
const isJsonSyntaxError = (error: Error): boolean =>
  error.name === 'SyntaxError' && /JSON/i.test(error.message)

/** Payload's own 400 for a body that is not JSON. */
const isInvalidJsonBody = (error: Error): boolean =>
  (error as { status?: number }).status === 400 && error.message === 'Invalid JSON'

/**
 * A write naming a related document that does not exist: PostgreSQL's foreign key violation (23503)
 * or SQLite's, anywhere in the cause chain.
 */
const isMissingReference = (error: unknown): boolean =>
  causesOf(error).some(
    (cause) =>
      cause.code === '23503' ||
      (typeof cause.message === 'string' &&
        cause.message.includes('FOREIGN KEY constraint failed')),
  )

/**
 * PostgreSQL refused a value for its column's type (SQLSTATE class 22, data exception: not an
 * integer, out of range, a NUL).
 */
const isValueOfWrongType = (error: unknown): boolean =>
  causesOf(error).some(
    (cause) => typeof cause.code === 'string' && /^22[0-9A-Z]{3}$/.test(cause.code),
  )

type Cause = { cause?: unknown; code?: unknown; message?: unknown }

/** The error and what caused it, a few levels down (Drizzle wraps the driver's error). */
const causesOf = (error: unknown): Cause[] => {
  const causes: Cause[] = []
  for (
    let cause = error as Cause | undefined;
    cause && typeof cause === 'object' && causes.length < 5;
    cause = cause.cause as Cause | undefined
  )
    causes.push(cause)
  return causes
}

/**
 * A field validation that failed because of control characters (Payload's ValidationError, read by
 * shape).
 */
const isControlCharacterRefusal = (error: Error): boolean => {
  const failures = (error as { data?: { errors?: Array<{ message?: string }> } }).data?.errors
  return (
    error.name === 'ValidationError' &&
    Array.isArray(failures) &&
    failures.some((failure) => failure.message === controlCharactersMessage)
  )
}

/** The stable code of an error, if it has one. */
const codeOf = (error: Error): string | undefined =>
  refusalCodeOf(error) ?? (isControlCharacterRefusal(error) ? 'CONTROL_CHARACTERS' : undefined)

/**
 * Gives Payload's error answers a stable top-level `code` beside its `errors` array: the code of
 * an `InputRefused` (REST and GraphQL), CONTROL_CHARACTERS for a field refused for them,
 * INVALID_JSON for input that is not JSON, and, where the database itself refused a write,
 * 400 UNKNOWN_REFERENCE (a relationship to a document that does not exist) or INVALID_VALUE (a
 * value its column cannot hold).
 */
export const answerWithCode: AfterErrorHook = ({ error, graphqlResult, result }) => {
  if (graphqlResult) {
    // GraphQL hands over its own error; what a resolver threw is its originalError.
    const code = codeOf((error as { originalError?: Error }).originalError ?? error)
    return code
      ? { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, code } } }
      : undefined
  }
  if (isJsonSyntaxError(error)) {
    return {
      status: 400,
      response: {
        errors: [{ message: 'A query parameter given as JSON (where, data) is not valid JSON' }],
        code: 'INVALID_JSON',
      },
    }
  }
  if (isMissingReference(error)) {
    return {
      status: 400,
      response: {
        errors: [{ message: 'A relationship names a document that does not exist' }],
        code: 'UNKNOWN_REFERENCE',
      },
    }
  }
  if (isValueOfWrongType(error)) {
    return {
      status: 400,
      response: {
        errors: [{ message: 'A value does not fit the type of its field' }],
        code: 'INVALID_VALUE',
      },
    }
  }
  if (isInvalidJsonBody(error)) return { response: { ...result, code: 'INVALID_JSON' } }
  const code = codeOf(error)
  return code ? { response: { ...result, code } } : undefined
}
