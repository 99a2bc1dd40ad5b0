import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deliverOutbox, queueMail } from '../../plugins/mailers'
import { sqliteFolderOf } from '../../src/runtimeFolders'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  artifactFileExists,
  createCatalogue,
  createRelease,
  uploadArtifact,
} from '../helpers/fixtures'
import { makeTempDir } from '../helpers/tempDir'
import { testDatabaseKind } from '../helpers/testDatabase'

// A fresh clone has no data/ or media/ folder (git ignores them): the app must make what it writes
// to.
describe('a start with none of its folders made yet', () => {
  const root = makeTempDir('hub-fresh-')
  const dataDir = path.join(root, 'not', 'yet', 'data')
  const mediaDir = path.join(root, 'not', 'yet', 'media')
  const sqliteFile = path.join(root, 'elsewhere', 'db', 'hub.db')
  let booted: TestPayload

  beforeAll(async () => {
    booted = await bootPayload({
      DATA_DIR: dataDir,
      MEDIA_DIR: mediaDir,
      ...(testDatabaseKind === 'sqlite' ? { DATABASE_URL: `file:${sqliteFile}` } : {}),
    })
  })
  afterAll(async () => booted?.shutdown())

  it('boots, with the data, mail and upload folders made', () => {
    for (const folder of [
      dataDir,
      path.join(dataDir, 'mail'),
      path.join(mediaDir, 'uploads'),
      path.join(mediaDir, 'artifacts'),
    ]) {
      expect(existsSync(folder), folder).toBe(true)
    }
    expect(existsSync(path.join(dataDir, 'signing-key.json'))).toBe(true)
  })

  it.runIf(testDatabaseKind === 'sqlite')(
    'puts the SQLite file where DATABASE_URL says, making its folder',
    () => {
      expect(existsSync(sqliteFile)).toBe(true)
    },
  )

  it('stores an uploaded artifact and writes a mail to the outbox folder', async () => {
    const { promonitor } = await createCatalogue(booted.payload)
    const release = await createRelease(booted.payload, { product: promonitor, version: '7.0.0' })
    const artifact = await uploadArtifact(booted.payload, release, 'linux-x64')
    expect(artifactFileExists(mediaDir, artifact)).toBe(true)

    await queueMail(booted.payload, {
      to: 'newcomer@example.com',
      templateKey: 'license-expired',
      variables: { productName: 'ProMonitor' },
      idempotencyKey: 'fresh-start:1',
    })
    await deliverOutbox(booted.payload)
    expect(
      readdirSync(path.join(dataDir, 'mail')).filter((name) => name.endsWith('.eml')),
    ).toHaveLength(1)
  })
})

describe('sqliteFolderOf', () => {
  it('finds the folder of relative, absolute and file:// URLs, and nothing for other databases', () => {
    expect(sqliteFolderOf('file:./data/hub.db')).toBe(path.resolve('data'))
    expect(sqliteFolderOf('file:/srv/hub/hub.db')).toBe('/srv/hub')
    expect(sqliteFolderOf('file:///srv/hub/hub.db')).toBe('/srv/hub')
    expect(sqliteFolderOf('file:/srv/my%20hub/hub.db?mode=rwc')).toBe('/srv/my hub')
    expect(sqliteFolderOf('postgres://postgres@127.0.0.1:5432/hub')).toBeUndefined()
    expect(sqliteFolderOf('file::memory:')).toBeUndefined()
  })
})
