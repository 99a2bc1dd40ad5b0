import type { AfterErrorHook } from 'payload'

import { refusalCodeOf } from '../refusal'

/** A JSON.parse of the request's own input (`?where=`, `?data=`) that failed: Payload lets it through as a 500. */
const isJsonSyntaxError = (error: Error): boolean => error.name === 'SyntaxError' && /JSON/i.test(error.message)

/** Payload's own 400 for a body that is not JSON. */
const isInvalidJsonBody = (error: Error): boolean => (error as { status?: number }).status === 400 && error.message === 'Invalid JSON'

/**
 * Gives Payload's error answers a stable top-level `code` beside its `errors` array: the code of
 * an `InputRefused` (REST and GraphQL), and INVALID_JSON for input that is not JSON.
 */
export const answerWithCode: AfterErrorHook = ({ error, graphqlResult, result }) => {
  if (graphqlResult) {
    const code = refusalCodeOf(error)
    return code ? { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, code } } } : undefined
  }
  if (isJsonSyntaxError(error)) {
    return { status: 400, response: { errors: [{ message: 'A query parameter given as JSON (where, data) is not valid JSON' }], code: 'INVALID_JSON' } }
  }
  if (isInvalidJsonBody(error)) return { response: { ...result, code: 'INVALID_JSON' } }
  const code = refusalCodeOf(error)
  return code ? { response: { ...result, code } } : undefined
}
