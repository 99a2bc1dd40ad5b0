import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { userHasRole } from '../../collections/access/hasRole'
import type { StaffRole } from '../../collections/access/roles'
import { jsonResponse } from './answers'
import { ClientError, errorResponse } from './clientError'
import { readJsonBody, readQuery } from './readJsonBody'

type Input = z.ZodObject

export type StaffActionContext<Body extends Input, Query extends Input> = {
  req: PayloadRequest
  /** The document's id, a whole number (anything else was answered 404). */
  id: number
  body: z.infer<Body>
  query: z.infer<Query>
  user: NonNullable<PayloadRequest['user']>
}

export type StaffActionOptions<Body extends Input, Query extends Input> = {
  /** The collection whose documents the action is on. */
  collection: CollectionSlug
  /** Answers at `/api/<collection>/:id/actions/<action>`. */
  action: string
  /** Staff roles that may run it; admins always may. */
  roles: readonly StaffRole[]
  /** `get` for an action that only reads (a license file, rollback targets). @default 'post' */
  method?: 'get' | 'post'
  /** The JSON body (POST); an empty body reads as `{}`. @default z.object({}).strict() */
  body?: Body
  /** The query parameters. @default z.object({}) */
  query?: Query
  /** Paths that answered this action before (`/:id/pull`), kept for one release cycle. */
  formerPaths?: string[]
  /** An answer: a `Response`, or data answered as JSON with status 200. */
  handler: (context: StaffActionContext<Body, Query>) => Promise<Response | object>
}

const documentId = /^[1-9][0-9]{0,14}$/

/**
 * A staff action on one document of a collection (extend a license, pull a release): 401 without
 * a staff login, 403 for other roles, 404 for an id that is no whole number, the body and query
 * parsed with their schemas, refusals as `{ code, message }`. Anything else is Payload's to
 * answer and log, as for its own endpoints.
 */
export const staffAction = <Body extends Input = z.ZodObject, Query extends Input = z.ZodObject>({
  collection,
  action,
  roles,
  method = 'post',
  body = z.object({}).strict() as unknown as Body,
  query = z.object({}) as unknown as Query,
  formerPaths = [],
  handler,
}: StaffActionOptions<Body, Query>): Endpoint[] => {
  const handle = async (req: PayloadRequest): Promise<Response> => {
    try {
      const { user } = req
      if (!user) throw new ClientError(401, 'UNAUTHORIZED', 'Log in as staff first')
      if (!userHasRole(user, roles)) {
        throw new ClientError(
          403,
          'FORBIDDEN',
          `Only ${roles.join(', ')} staff and admins may do this`,
        )
      }
      const id = String(req.routeParams?.id ?? '')
      if (!documentId.test(id))
        throw new ClientError(404, 'NOT_FOUND', `No ${collection} document ${id}`)
      const answer = await handler({
        req,
        id: Number(id),
        user,
        body:
          method === 'post'
            ? await readJsonBody(req, body, { emptyAs: {} })
            : (body.parse({}) as z.infer<Body>),
        query: readQuery(req, query),
      })
      return answer instanceof Response ? answer : jsonResponse(answer)
    } catch (error) {
      if (error instanceof ClientError) return errorResponse(error)
      throw error
    }
  }
  const paths = [`/:id/actions/${action}`, ...formerPaths]
  return paths.map((path) => ({ path, method, handler: handle }))
}
