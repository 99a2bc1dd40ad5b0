import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { configToSchema } from '@payloadcms/graphql'
// The CommonJS build, as Node resolves it for @payloadcms/graphql: vite would pick the ES build,
// a second copy whose GraphQLSchema the first does not recognise.
import { graphql } from 'graphql/index.js'
import { createPayloadRequest } from 'payload'

import type { TestPayload } from './bootPayload'

export type GraphqlAnswer = {
  status: number
  data?: Record<string, any> | null
  errors?: Array<{ message: string; extensions?: { statusCode?: number } }>
  /** The whole body as sent, to check that a value appears nowhere in it. */
  text: string
}

export type GraphqlClient = {
  query: (
    source: string,
    headers?: Record<string, string>,
    variables?: Record<string, unknown>,
  ) => Promise<GraphqlAnswer>
  close: () => Promise<void>
}

const readBody = async (incoming: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Payload's GraphQL API (`POST /api/graphql`) over real HTTP on 127.0.0.1, run as the Next route
 * runs it (the schema from the config, the request authenticated by `createPayloadRequest`), but
 * on this test's Payload instance: the Next route would boot a second one under the default key.
 */
export const serveGraphql = async (booted: TestPayload): Promise<GraphqlClient> => {
  const { schema } = configToSchema(booted.config)
  const server = createServer(async (incoming, outgoing) => {
    try {
      const body = await readBody(incoming)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
          headers.append(name, item)
      }
      const request = new Request(`http://${incoming.headers.host}/api/graphql`, {
        method: 'POST',
        headers,
        body,
      })
      const req = await createPayloadRequest({
        config: booted.config,
        request,
        payloadInstanceCacheKey: booted.cacheKey,
        canSetHeaders: true,
      })
      const { query, variables } = JSON.parse(body) as {
        query: string
        variables?: Record<string, unknown>
      }
      const result = await graphql({
        schema,
        source: query,
        variableValues: variables,
        contextValue: { req, headers: {} },
      })
      const errors = result.errors?.map((error) => ({
        message: error.message,
        extensions: {
          statusCode: (error.originalError as { status?: number } | undefined)?.status,
        },
      }))
      outgoing.writeHead(200, { 'content-type': 'application/json' })
      outgoing.end(JSON.stringify({ data: result.data, ...(errors ? { errors } : {}) }))
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' })
      outgoing.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graphql`
  return {
    query: async (source, headers = {}, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: source, variables }),
      })
      const text = await response.text()
      const parsed = response.headers.get('content-type')?.includes('json')
        ? (JSON.parse(text) as Omit<GraphqlAnswer, 'status' | 'text'>)
        : {}
      return { status: response.status, ...parsed, text }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
