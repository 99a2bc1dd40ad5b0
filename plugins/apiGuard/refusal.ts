import { APIError } from 'payload'

export type RefusalCode =
  'INVALID_QUERY' | 'INVALID_JSON' | 'INVALID_BODY' | 'NOT_FOUND' | 'FILE_MISSING'

/**
 * A refusal of odd input in Payload's own error format (`{ errors: [{ name, message, data }] }`);
 * `data.code` is the stable code, and `answerWithCode` repeats it at the top level as `code`.
 */
export class InputRefused extends APIError<{ code: RefusalCode }> {
  constructor(code: RefusalCode, message: string, status = 400) {
    super(message, status, { code }, true)
    this.name = 'InputRefused'
  }
}

/**
 * The stable code an error carries in `data.code`, if any (read by shape: the Next build holds a
 * second copy of Payload's classes).
 */
export const refusalCodeOf = (error: unknown): string | undefined => {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code
  return typeof code === 'string' ? code : undefined
}
