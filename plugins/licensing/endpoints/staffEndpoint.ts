import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { userHasRole } from '../../../collections/access/hasRole'
import { ClientError, errorResponse } from '../../clientApi'
import { actorOf, type Actor } from '../history/actors'

type StaffHandler = (req: PayloadRequest, context: { id: string; actor: Actor }) => Promise<Response>

/**
 * A support action (`/api/<collection>/:id/...`): support or admin staff only (401 without a
 * login, 403 for other roles); refusals are `{ code, message }`; anything else is a logged 500.
 */
export const staffEndpoint = (path: string, method: Endpoint['method'], handler: StaffHandler): Endpoint => {
  const handle: PayloadHandler = async (req) => {
    try {
      if (!req.user) throw new ClientError(401, 'UNAUTHORIZED', 'Log in as support staff')
      if (!userHasRole(req.user, ['support'])) throw new ClientError(403, 'FORBIDDEN', 'Only support staff and admins may do this')
      return await handler(req, { id: String(req.routeParams?.id ?? ''), actor: actorOf(req.user) })
    } catch (error) {
      if (error instanceof ClientError) return errorResponse(error)
      req.payload.logger.error({ err: error, msg: `Unhandled error in ${method.toUpperCase()} ${path}` })
      return Response.json({ code: 'INTERNAL', message: 'Internal error' }, { status: 500 })
    }
  }
  return { path, method, handler: handle }
}
