import { match, type MatchFunction } from 'path-to-regexp'
import type { Endpoint } from 'payload'

import { fastAnswerOf, type FastAnswer } from './fastAnswer'

export type Route = {
  /** Lower case, as Payload writes it (`get`, `post`). */
  method: Endpoint['method']
  /**
   * The compiled path, with Payload's own path-to-regexp and decoding; undefined when
   * path-to-regexp refused the pattern (Payload would throw on it per request).
   */
  matches: MatchFunction<Record<string, unknown>> | undefined
  endpoint: Endpoint
  fastAnswer?: FastAnswer
}

const tables = new WeakMap<Endpoint[], Route[]>()

/**
 * The root endpoints (`config.endpoints`) with their paths compiled once, in config order: the
 * one route table the client routes and the API host's dispatch both read.
 */
export const routeTableOf = (endpoints: Endpoint[]): Route[] => {
  let table = tables.get(endpoints)
  if (table) return table
  table = endpoints.map((endpoint) => {
    let matches: Route['matches']
    try {
      matches = match(endpoint.path, { decode: decodeURIComponent })
    } catch {
      matches = undefined
    }
    return { method: endpoint.method, matches, endpoint, fastAnswer: fastAnswerOf(endpoint) }
  })
  tables.set(endpoints, table)
  return table
}
