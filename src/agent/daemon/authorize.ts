import type { NextFunction, Request, Response } from 'express'

import { isSameToken } from './token'

/**
 * Every request needs the daemon's token: `Authorization: Bearer <token>`, or `?token=` on a GET
 * (a web view opening the panel, an EventSource). The Host must be the loopback address itself,
 * so a web page elsewhere cannot reach the daemon through DNS rebinding.
 */
export const authorize =
  (token: string, port: () => number) =>
  (request: Request, response: Response, next: NextFunction): void => {
    const allowedHosts = [`127.0.0.1:${port()}`, `localhost:${port()}`]
    if (!allowedHosts.includes(String(request.headers.host))) {
      response
        .status(403)
        .json({ code: 'FORBIDDEN_HOST', message: 'The daemon answers only on 127.0.0.1' })
      return
    }
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
    const query =
      request.method === 'GET' && typeof request.query.token === 'string'
        ? request.query.token
        : undefined
    if (isSameToken(bearer ?? query, token)) return next()
    response.status(401).json({
      code: 'UNAUTHORIZED',
      message: 'Send Authorization: Bearer <the token in daemon.token>',
    })
  }
