import type { NextFunction, Request, Response } from 'express'

import { toAgentError } from '../update/refusals'

/**
 * An express handler whose result is answered as JSON, and whose refusal is `{ code, message }`.
 */
export const jsonRoute =
  (work: (request: Request) => Promise<Record<string, unknown>>) =>
  async (request: Request, response: Response, _next: NextFunction): Promise<void> => {
    try {
      const answer = await work(request)
      const refusal = answer.refusal as
        { code: string; message: string; refused?: boolean } | undefined
      if (refusal) {
        const { refusal: _refusal, ...rest } = answer
        response
          .status(refusal.refused === false ? 502 : 409)
          .json({ code: refusal.code, message: refusal.message, ...rest })
        return
      }
      response.json(answer)
    } catch (error) {
      const failure = toAgentError(error)
      const status =
        failure.code === 'BAD_REQUEST' || failure.code === 'UNKNOWN_TARGET'
          ? 400
          : failure.refused
            ? 409
            : failure.code === 'INTERNAL'
              ? 500
              : 502
      response
        .status(status)
        .json({ code: failure.code, message: failure.message, ...failure.details })
    }
  }
