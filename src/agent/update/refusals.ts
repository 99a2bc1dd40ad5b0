import { isVerificationError } from '../../sdk'
import { AgentError, isAgentError } from '../errors'

/** Transient codes: trying again later may work. */
const retryableCodes = new Set([
  'NETWORK',
  'SERVER_ERROR',
  'ARTIFACT_HASH_MISMATCH',
  'ARTIFACT_SIZE_MISMATCH',
  'BUSY',
])

/**
 * The agent's view of anything thrown while updating: the SDK's verification refusals keep their
 * codes (forged, expired, rollback, mix-and-match, tampered bytes) and are refusals; others are
 * errors.
 */
export const toAgentError = (error: unknown): AgentError => {
  if (isAgentError(error)) return error
  if (isVerificationError(error)) {
    return new AgentError(error.code, error.message, {
      retryable: retryableCodes.has(error.code),
      cause: error,
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new AgentError('INTERNAL', message, { refused: false, cause: error })
}

export const targetErrorOf = (phase: string, error: AgentError) => ({
  phase,
  code: error.code,
  message: error.message,
  retryable: error.retryable || retryableCodes.has(error.code),
})
