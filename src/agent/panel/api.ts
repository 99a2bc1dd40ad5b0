/** The daemon's routes, called with the token the panel was opened with (`/?token=…`). */
export const token = new URLSearchParams(window.location.search).get('token') ?? ''

export type Answer = { ok: boolean; body: Record<string, unknown> }

export const callDaemon = async (
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<Answer> => {
  const response = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    body:
      body === undefined
        ? undefined
        : contentType === 'application/json'
          ? JSON.stringify(body)
          : (body as BodyInit),
  })
  return { ok: response.ok, body: await response.json().catch(() => ({})) }
}

export const eventsUrl = `/events?token=${encodeURIComponent(token)}`
