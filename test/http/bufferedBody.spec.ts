import { describe, expect, it } from 'vitest'

import { BufferedBody } from '../../src/http/bufferedBody'
import { jsonResponse, bytesResponse } from '../../src/http/answers'
import { BufferedRequest } from '../../src/http/bufferedRequest'

const requestOf = (text: string, contentType = 'application/json') =>
  new BufferedRequest(
    'http://localhost/api/v1/licenses/validate',
    { method: 'POST', headers: new Headers({ 'content-type': contentType }) },
    BufferedBody.ofText(text),
  )

const readStream = async (stream: ReadableStream<Uint8Array> | null): Promise<string> =>
  new Response(stream).text()

describe('BufferedResponse', () => {
  it('reads like Response.json: status, headers, text, json, bytes and a body stream', async () => {
    const data = { valid: true, code: 'VALID', nested: { emoji: '✓' } }
    const expected = Response.json(data, { status: 201, headers: { 'x-extra': '1' } })
    const answer = jsonResponse(data, { status: 201, headers: { 'x-extra': '1' } })
    expect(answer).toBeInstanceOf(Response)
    expect([
      answer.status,
      answer.headers.get('content-type'),
      answer.headers.get('x-extra'),
    ]).toEqual([expected.status, expected.headers.get('content-type'), '1'])
    expect(await answer.clone().json()).toEqual(data)
    expect(Buffer.from(await answer.clone().arrayBuffer()).toString()).toBe(
      await expected.clone().text(),
    )
    expect(await readStream(answer.clone().body)).toBe(await expected.text())
    expect(await answer.text()).toBe(JSON.stringify(data))
  })

  it('is read once, like any body', async () => {
    const answer = bytesResponse('{"a":1}')
    expect(answer.bodyUsed).toBe(false)
    await answer.text()
    expect(answer.bodyUsed).toBe(true)
    await expect(answer.json()).rejects.toThrow(TypeError)
    expect(() => answer.clone()).toThrow(TypeError)

    const streamed = bytesResponse('{"a":1}')
    const reader = streamed.body!.getReader()
    await expect(streamed.text()).rejects.toThrow(TypeError)
    reader.releaseLock()
  })

  it('survives being copied into a plain Response (what handleEndpoints and Next do)', async () => {
    const answer = jsonResponse({ code: 'NOT_FOUND' }, { status: 404 })
    const copy = new Response(answer.body, { status: answer.status, headers: answer.headers })
    expect(copy.status).toBe(404)
    expect(await copy.json()).toEqual({ code: 'NOT_FOUND' })
  })

  it('keeps shared bytes as they are (one cached manifest serves many answers)', async () => {
    const bytes = new TextEncoder().encode('{"sequence":7}') as Uint8Array<ArrayBuffer>
    const first = bytesResponse(bytes)
    const second = bytesResponse(bytes)
    expect(await first.text()).toBe('{"sequence":7}')
    expect(await second.json()).toEqual({ sequence: 7 })
  })
})

describe('BufferedRequest', () => {
  it('hands its bytes to text(), json(), arrayBuffer(), blob() and formData()', async () => {
    expect(await requestOf('{"key":"PMON"}').json()).toEqual({ key: 'PMON' })
    expect(await requestOf('{"key":"PMON"}').text()).toBe('{"key":"PMON"}')
    expect(Buffer.from(await requestOf('abc').arrayBuffer()).toString()).toBe('abc')
    const blob = await requestOf('abc', 'text/plain').blob()
    expect([blob.type, await blob.text()]).toEqual(['text/plain', 'abc'])
    const form = await requestOf(
      'email=a%40b.test&product=promonitor',
      'application/x-www-form-urlencoded',
    ).formData()
    expect([form.get('email'), form.get('product')]).toEqual(['a@b.test', 'promonitor'])
  })

  it('is a Request with its method, headers and a body stream when asked for one, read once', async () => {
    const request = requestOf('{"key":"PMON"}')
    expect(request).toBeInstanceOf(Request)
    expect([request.method, request.headers.get('content-type')]).toEqual([
      'POST',
      'application/json',
    ])
    expect(await request.clone().text()).toBe('{"key":"PMON"}')
    expect(await readStream(request.body)).toBe('{"key":"PMON"}')
    expect(request.bodyUsed).toBe(true)
    await expect(request.text()).rejects.toThrow(TypeError)

    const once = requestOf('{}')
    await once.json()
    await expect(once.json()).rejects.toThrow(TypeError)
  })
})
