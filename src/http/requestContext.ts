import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

/** What every log line written while a request is handled carries. */
export type RequestContext = { requestId: string }

// One store per process, whichever copy of this module asks: the Next app's server loads it
// itself, and the server bundle Next builds (Payload, and with it the logger's mixin) has its own.
const storeKey = Symbol.for('license-update-hub.requestContext')
const processGlobals = globalThis as { [storeKey]?: AsyncLocalStorage<RequestContext> }
const requestContexts = (processGlobals[storeKey] ??= new AsyncLocalStorage<RequestContext>())

/** A request id an upstream proxy may hand on: short, and nothing a log reader could trip on. */
const safeRequestId = /^[A-Za-z0-9._-]{1,64}$/

/**
 * The request's id: the `X-Request-Id` a trusted proxy (`TRUST_PROXY`) sent, when it is a safe
 * token, so a request can be followed from the load balancer's log into ours; otherwise a new
 * random one. A client cannot choose the id its lines are logged under.
 */
export const requestIdFor = (
  header: string | string[] | undefined,
  viaTrustedProxy: boolean,
): string =>
  viaTrustedProxy && typeof header === 'string' && safeRequestId.test(header)
    ? header
    : randomUUID()

/**
 * Runs `handle(...args)` with `requestId` in its context: every line it logs, however deep,
 * carries it.
 */
export const runWithRequestId = <T, Args extends unknown[]>(
  requestId: string,
  handle: (...args: Args) => T,
  ...args: Args
): T => requestContexts.run({ requestId }, handle, ...args)

/** The id of the request being handled, if any (a timer's or boot's lines have none). */
export const currentRequestId = (): string | undefined => requestContexts.getStore()?.requestId
