import type { Endpoint } from 'payload'

import type { FastAnswer } from './fastAnswer'
import { routeTableOf } from './routeTable'

export type RouteLookup =
  /**
   * `fastAnswer`: the matched endpoint's, for its own method (HEAD for GET), not for OPTIONS (see
   * `clientEndpoint`). `path`: the endpoint's path pattern (`/v1/downloads/:artifactId`).
   */
  | { kind: 'found'; method: string; path: string; fastAnswer?: FastAnswer }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allowed: string[] }

/**
 * Which client requests some `/v1` endpoint answers, decided the way `handleEndpoints` decides it
 * (same path-to-regexp, same decoding), so unknown paths get the protocol's `{ code, message }`
 * instead of Payload's own 404 shape. A HEAD request is served by the GET endpoint (body omitted).
 */
export const createRouteLookup = (endpoints: Endpoint[]) => {
  const routes = routeTableOf(endpoints)
    .filter(({ endpoint, matches }) => endpoint.path.startsWith('/v1/') && matches)
    .map((route) => ({ ...route, method: route.method.toUpperCase(), matches: route.matches! }))

  /**
   * `apiPath` is the pathname after `/api`, e.g. `/v1/licenses/validate`; throws URIError on bad
   * escapes.
   */
  return (method: string, apiPath: string): RouteLookup => {
    const wanted = method === 'HEAD' ? 'GET' : method
    const allowed: string[] = []
    for (const route of routes) {
      if (route.matches(apiPath) === false) continue
      if (route.method === method || route.method === wanted || method === 'OPTIONS') {
        const found = route.method === method ? method : wanted
        return {
          kind: 'found',
          method: found,
          path: route.endpoint.path,
          fastAnswer: found === route.method ? route.fastAnswer : undefined,
        }
      }
      if (!allowed.includes(route.method)) allowed.push(route.method)
    }
    return allowed.length === 0 ? { kind: 'not-found' } : { kind: 'method-not-allowed', allowed }
  }
}
