import { createWriteStream } from 'node:fs'
import { mkdir, open } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import { extract as extractTar } from 'tar'
import yauzl from 'yauzl'

import { AgentError } from '../../errors'

const gzipMagic = [0x1f, 0x8b]
const zipMagic = [0x50, 0x4b, 0x03, 0x04]

/**
 * `.tar.gz` or `.zip`, told by the file's first bytes (a download's name says nothing for sure).
 */
export const archiveKindOf = async (file: string): Promise<'tar.gz' | 'zip'> => {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(4)
    await handle.read(head, 0, 4, 0)
    if (gzipMagic.every((byte, index) => head[index] === byte)) return 'tar.gz'
    if (zipMagic.every((byte, index) => head[index] === byte)) return 'zip'
  } finally {
    await handle.close()
  }
  throw new AgentError('NOT_AN_ARCHIVE', 'The directory installer takes a .tar.gz or .zip package')
}

/**
 * yauzl's own refusals (it checks every entry's name) as the agent's codes, so the CLI exits 2 with
 * a code.
 */
const zipRefusal = (error: Error): AgentError =>
  /relative path|absolute path/.test(error.message)
    ? new AgentError(
        'UNSAFE_ARCHIVE',
        `The package holds a path outside its folder (${error.message})`,
      )
    : new AgentError('BAD_ARCHIVE', `The package is not a readable .zip (${error.message})`)

const openZip = (file: string): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, zip) =>
      error ? reject(zipRefusal(error)) : resolve(zip),
    ),
  )

/**
 * Unzips into `folder`; yauzl refuses absolute paths and `..`, and the check below keeps every
 * entry inside.
 */
const extractZip = async (file: string, folder: string): Promise<void> => {
  const zip = await openZip(file)
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (error: Error) => reject(zipRefusal(error)))
    zip.on('end', resolve)
    zip.on('entry', (entry: yauzl.Entry) => {
      const target = path.resolve(folder, entry.fileName)
      if (!target.startsWith(folder + path.sep))
        return reject(
          new AgentError(
            'UNSAFE_ARCHIVE',
            `The package holds a path outside its folder: ${entry.fileName}`,
          ),
        )
      if (entry.fileName.endsWith('/')) {
        mkdir(target, { recursive: true }).then(() => zip.readEntry(), reject)
        return
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error)
        mkdir(path.dirname(target), { recursive: true })
          .then(() =>
            pipeline(
              stream,
              createWriteStream(target, {
                mode: (entry.externalFileAttributes >>> 16) & 0o777 || 0o644,
              }),
            ),
          )
          .then(() => zip.readEntry(), reject)
      })
    })
    zip.readEntry()
  }).finally(() => zip.close())
}

/** Extracts a verified `.tar.gz` or `.zip` into the (empty) `folder`. */
export const extractArchive = async (file: string, folder: string): Promise<void> => {
  await mkdir(folder, { recursive: true })
  if ((await archiveKindOf(file)) === 'zip') return extractZip(file, folder)
  // tar strips leading `/` and refuses `..` unless told otherwise (preservePaths stays off).
  await extractTar({ file, cwd: folder, strict: true })
}
