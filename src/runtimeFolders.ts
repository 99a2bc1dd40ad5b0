import { mkdirSync } from 'node:fs'
import path from 'node:path'

export type RuntimeFolders = {
  /** `DATA_DIR`: the development signing key, the .eml outbox. */
  dataDir: string
  /** `DATABASE_URL`: for `file:` URLs (SQLite) the folder of the database file is made too. */
  databaseUrl: string
  /** Where mails are written when no SMTP server is set. */
  mailDir: string
  /** Local upload folders; none when uploads go to an S3 bucket. */
  uploadDirs: string[]
}

/** The folder of a SQLite `file:` URL's database file, or undefined for any other URL. */
export const sqliteFolderOf = (databaseUrl: string): string | undefined => {
  if (!databaseUrl.startsWith('file:')) return undefined
  const filePath = decodeURIComponent(
    databaseUrl
      .slice('file:'.length)
      .replace(/^\/\/(?=\/)/, '')
      .split('?')[0],
  )
  if (!filePath || filePath === ':memory:') return undefined
  return path.dirname(path.resolve(filePath))
}

/**
 * Makes every folder the app writes to, whatever their configured paths. A fresh clone has none
 * of them (`data/` and `media/` are ignored by git), and SQLite cannot create the folder of its
 * own file: every start (dev, production, seed, API host, Payload's CLI) loads the config, which
 * calls this first.
 */
export const createRuntimeFolders = ({
  dataDir,
  databaseUrl,
  mailDir,
  uploadDirs,
}: RuntimeFolders): void => {
  const sqliteFolder = sqliteFolderOf(databaseUrl)
  for (const folder of [dataDir, mailDir, ...uploadDirs, ...(sqliteFolder ? [sqliteFolder] : [])]) {
    mkdirSync(folder, { recursive: true })
  }
}
