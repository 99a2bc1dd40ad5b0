import autocannon from 'autocannon'

export type PostLoad = {
  requestsPerSecond: number
  p50: number
  p99: number
  requests: number
  statusCodes: Record<string, number>
  errors: number
}

/** `connections` keep-alive connections POSTing JSON for `seconds`, a fresh `body()` each time. */
export const postLoad = async (
  baseUrl: string,
  requestPath: string,
  body: () => string,
  seconds: number,
  connections: number,
): Promise<PostLoad> => {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: requestPath,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: body() }),
      },
    ],
  } as never)
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  )
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0)
  return {
    requestsPerSecond: Math.round(requests / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    statusCodes,
    errors: result.errors,
  }
}

/** An answer other than `expectedStatus`, or a socket error, makes the figure worthless: throws. */
export const onlyAnswered = (load: PostLoad, expectedStatus: number, what: string): PostLoad => {
  const unexpected = Object.keys(load.statusCodes).filter((code) => Number(code) !== expectedStatus)
  if (load.requests === 0 || unexpected.length > 0 || load.errors > 0)
    throw new Error(
      `${what}: expected only ${expectedStatus}, got ${JSON.stringify(load.statusCodes)}, ${load.errors} errors`,
    )
  return load
}
