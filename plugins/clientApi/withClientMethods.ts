import type { SanitizedConfig } from 'payload'

import { errorResponse, ClientError } from '../../src/http/clientError'
import { createRouteLookup } from './routeLookup'

type RouteHandler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

/**
 * Wraps a Next route's REST handler so that a known client path (`/api/v1/...`) asked with a
 * method none of its endpoints takes is 405 `METHOD_NOT_ALLOWED` with `Allow`, as the API host
 * answers it, instead of Payload's 404. Every other request goes to `handler` untouched.
 */
export const withClientMethods = (configPromise: SanitizedConfig | Promise<SanitizedConfig>) => {
  let lookup: Promise<{ apiRoute: string; find: ReturnType<typeof createRouteLookup> }> | undefined
  const lookupOf = () =>
    (lookup ??= Promise.resolve(configPromise).then((config) => ({
      apiRoute: config.routes.api,
      find: createRouteLookup(config.endpoints),
    })))

  return <Args extends unknown[]>(handler: RouteHandler<Args>): RouteHandler<Args> =>
    async (request, ...args) => {
      const { pathname } = new URL(request.url)
      const { apiRoute, find } = await lookupOf()
      if (!pathname.startsWith(`${apiRoute}/v1/`)) return handler(request, ...args)
      let route: ReturnType<typeof find>
      try {
        route = find(request.method, pathname.slice(apiRoute.length))
      } catch {
        return handler(request, ...args)
      }
      if (route.kind !== 'method-not-allowed') return handler(request, ...args)
      const allow = route.allowed.join(', ')
      return errorResponse(
        new ClientError(
          405,
          'METHOD_NOT_ALLOWED',
          `${request.method} is not allowed on ${pathname}`,
          { Allow: allow },
        ),
      )
    }
}
