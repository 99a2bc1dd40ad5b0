import { refusalCodeOf } from './refusal'

type RouteHandler = (request: Request) => Promise<Response>

/**
 * Wraps Payload's GraphQL route: what it throws before a query runs (a body that is not JSON) is a
 * 4xx in GraphQL's error format with `extensions.code`, where Next would answer 500.
 */
export const guardGraphqlRoute =
  (handler: RouteHandler): RouteHandler =>
  async (request) => {
    try {
      return await handler(request)
    } catch (error) {
      const status = (error as { status?: unknown }).status
      if (typeof status !== 'number' || status < 400 || status >= 500) throw error
      const message = (error as Error).message
      const code = refusalCodeOf(error) ?? (/JSON/i.test(message) ? 'INVALID_JSON' : 'BAD_REQUEST')
      return Response.json(
        { errors: [{ message, extensions: { code, statusCode: status } }] },
        { status },
      )
    }
  }
