import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'
import { postStreamedBody, slowReader } from './streamedBody'

// A body is capped while it streams: the host stops reading at the cap and answers 413 at once,
// instead of holding the whole body in memory before its size is checked.

let booted: TestPayload
let apiHost: TestApiHost

beforeAll(async () => {
  booted = await bootPayload()
  apiHost = await startApiHost(booted)
})

afterAll(async () => {
  await apiHost?.close()
  await booted?.shutdown()
})

const threeHundredMegabytes = 300 * 1024 * 1024
/**
 * What a client may have pushed before the refusal: the cap plus what sockets and streams buffer.
 */
const readBeforeRefusal = 16 * 1024 * 1024

describe('API host: body caps', () => {
  it('answers 413 PAYLOAD_TOO_LARGE to a 300 MB chunked body on /api/v1/licenses/validate without reading it', async () => {
    const answer = await postStreamedBody(
      `${apiHost.url}/api/v1/licenses/validate`,
      threeHundredMegabytes,
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
    })
    expect(answer.bytesSent).toBeLessThan(readBeforeRefusal)
  })

  it('answers 413 PAYLOAD_TOO_LARGE to a 300 MB declared length, unread', async () => {
    const answer = await postStreamedBody(
      `${apiHost.url}/api/v1/licenses/validate`,
      threeHundredMegabytes,
      { 'content-length': String(threeHundredMegabytes) },
    )
    expect([answer.status, JSON.parse(answer.body).code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(answer.bytesSent).toBeLessThan(readBeforeRefusal)
    // And the host carries on.
    expect((await fetch(`${apiHost.url}/api/v1/keys`)).status).toBe(200)
  })

  it('a client slow to read the 413 (a loaded machine) still reads it: the connection closes lingering, not reset', async () => {
    expect(await slowReader(new URL(`${apiHost.url}/api/v1/licenses/validate`), 64 * 1024)).toEqual(
      {
        status: 'HTTP/1.1 413 Payload Too Large',
        error: undefined,
        refused: true,
      },
    )
  }, 40_000)
})
