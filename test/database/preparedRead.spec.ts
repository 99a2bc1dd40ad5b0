import { describe, expect, it } from 'vitest'

import { sqliteFileOf } from '../../src/database/preparedRead'

describe('sqliteFileOf', () => {
  it('reads the file of every form of file: URL libsql accepts', () => {
    expect(sqliteFileOf('file:./data/hub.db')).toBe('./data/hub.db')
    expect(sqliteFileOf('file:/var/lib/hub/hub.db')).toBe('/var/lib/hub/hub.db')
    expect(sqliteFileOf('file:///var/lib/hub/hub.db')).toBe('/var/lib/hub/hub.db')
    expect(sqliteFileOf('file://localhost/var/lib/hub/hub.db')).toBe('/var/lib/hub/hub.db')
    expect(sqliteFileOf('file:/tmp/with%20space/hub.db?mode=rwc')).toBe('/tmp/with space/hub.db')
  })

  it('leaves in-memory and remote databases to drizzle', () => {
    expect(sqliteFileOf('file::memory:')).toBeUndefined()
    expect(sqliteFileOf(':memory:')).toBeUndefined()
    expect(sqliteFileOf('libsql://hub.example.com')).toBeUndefined()
    expect(sqliteFileOf(undefined)).toBeUndefined()
  })
})
