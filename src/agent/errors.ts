/**
 * What the agent reports when it does not do what was asked. A refusal (`refused: true`) is a
 * decision with a stable `code` (exit 2, HTTP 409); anything else is an error (exit 1).
 */
export class AgentError extends Error {
  readonly code: string
  readonly refused: boolean
  readonly retryable: boolean
  /** Extra fields for the JSON answer (which collector failed, which versions are needed). */
  readonly details: Record<string, unknown>

  constructor(
    code: string,
    message: string,
    {
      refused = true,
      retryable = false,
      details = {},
      cause,
    }: {
      refused?: boolean
      retryable?: boolean
      details?: Record<string, unknown>
      cause?: unknown
    } = {},
  ) {
    super(message, { cause })
    this.name = 'AgentError'
    this.code = code
    this.refused = refused
    this.retryable = retryable
    this.details = details
  }
}

export const isAgentError = (error: unknown): error is AgentError => error instanceof AgentError

/** Bad input from the caller of a command or route. */
export const badRequest = (message: string): AgentError => new AgentError('BAD_REQUEST', message)
