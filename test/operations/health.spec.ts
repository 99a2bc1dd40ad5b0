import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkReadiness } from '../../plugins/health'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { serveApi, type ApiServer } from '../helpers/serveApi'

// Liveness and readiness on both hosts: the API host (with and without its fast answer) and
// Payload's router (what the Next app's /api route runs).

let booted: TestPayload
let apiHost: ApiServer
let nextRoute: ApiServer

beforeAll(async () => {
  booted = await bootPayload()
  apiHost = await serveApi(booted)
  nextRoute = await serveApi(booted, { clientApiVia: 'payload-router' })
})

afterAll(async () => {
  await apiHost?.close()
  await nextRoute?.close()
  await booted?.shutdown().catch(() => {})
})

const hosts = () => ({ 'API host': apiHost, 'Next app route': nextRoute })
// An Origin makes the API host take the handler instead of its fast answer.
const variants: Record<string, string>[] = [{}, { origin: 'http://localhost:3000' }]

describe('GET /api/v1/health (liveness)', () => {
  it('answers 200 { status: "ok" }, never cached, on both hosts', async () => {
    for (const [name, host] of Object.entries(hosts())) {
      for (const headers of variants) {
        const answer = await host.call('GET', '/api/v1/health', { headers })
        expect(answer.status, name).toBe(200)
        expect(answer.body, name).toEqual({ status: 'ok' })
        expect(answer.headers.get('cache-control'), name).toBe('no-store')
      }
    }
  })

  it('refuses another method with 405 METHOD_NOT_ALLOWED', async () => {
    for (const [name, host] of Object.entries(hosts())) {
      const answer = await host.call('POST', '/api/v1/health', { body: {} })
      expect(answer.status, name).toBe(405)
      expect(answer.body.code, name).toBe('METHOD_NOT_ALLOWED')
    }
  })
})

describe('GET /api/v1/health/ready (readiness)', () => {
  it('answers 200 ready with the pushed schema in development, on both hosts', async () => {
    for (const [name, host] of Object.entries(hosts())) {
      for (const headers of variants) {
        const answer = await host.call('GET', '/api/v1/health/ready', { headers })
        expect(answer.status, name).toBe(200)
        expect(answer.body, name).toEqual({ status: 'ready', database: 'ok', schema: 'pushed' })
        expect(answer.headers.get('cache-control'), name).toBe('no-store')
      }
    }
  })

  it('with migrations, is not ready until every migration this build ships is recorded', async () => {
    const { payload } = booted
    const shipped = (payload.db as { prodMigrations?: { name: string }[] }).prodMigrations ?? []
    expect(shipped.length).toBeGreaterThan(0)
    const settings = { schemaSource: 'migrations' as const, timeoutMs: 2_000 }

    await expect(checkReadiness(payload, settings)).rejects.toMatchObject({
      status: 503,
      code: 'MIGRATIONS_PENDING',
    })
    for (const { name } of shipped.slice(0, -1))
      await payload.create({ collection: 'payload-migrations', data: { name, batch: 1 } })
    await expect(checkReadiness(payload, settings)).rejects.toMatchObject({
      code: 'MIGRATIONS_PENDING',
      message: '1 migration(s) of this build not applied',
    })

    await payload.create({
      collection: 'payload-migrations',
      data: { name: shipped.at(-1)!.name, batch: 2 },
    })
    expect(await checkReadiness(payload, settings)).toEqual({
      status: 'ready',
      database: 'ok',
      schema: 'applied',
    })
  })

  it('in development, is not ready when the schema push left no record', async () => {
    const { payload } = booted
    await payload.delete({ collection: 'payload-migrations', where: { batch: { equals: -1 } } })
    const answer = await apiHost.call('GET', '/api/v1/health/ready')
    expect(answer.status).toBe(503)
    expect(answer.body.code).toBe('SCHEMA_NOT_PUSHED')
    await payload.create({ collection: 'payload-migrations', data: { name: 'dev', batch: -1 } })
    expect((await apiHost.call('GET', '/api/v1/health/ready')).status).toBe(200)
  })

  it('is documented in the OpenAPI document, with its 503', async () => {
    const document = await apiHost.call('GET', '/api/v1/openapi.json')
    expect(document.body.paths['/api/v1/health'].get.responses['200']).toBeDefined()
    const ready = document.body.paths['/api/v1/health/ready'].get
    expect(ready.responses['200']).toBeDefined()
    expect(ready.responses['503'].description).toContain('DATABASE_UNAVAILABLE')
  })

  // Last: it closes the database under this file's Payload.
  it('answers 503 DATABASE_UNAVAILABLE once the database is gone, while liveness stays 200', async () => {
    const db = booted.payload.db as unknown as {
      pool?: { end: () => Promise<void> }
      client?: { close: () => void }
    }
    // A pool that is ending takes no new query (end() itself waits for the push's client).
    if (db.pool) void db.pool.end().catch(() => {})
    else db.client!.close()
    for (const [name, host] of Object.entries(hosts())) {
      const ready = await host.call('GET', '/api/v1/health/ready')
      expect(ready.status, name).toBe(503)
      expect(ready.body.code, name).toBe('DATABASE_UNAVAILABLE')
      expect((await host.call('GET', '/api/v1/health')).status, name).toBe(200)
    }
  })
})
