import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import { describe, expect, it } from 'vitest'
import yazl from 'yazl'

import { AgentError } from '../../src/agent/errors'
import { extractArchive } from '../../src/agent/update/installers/extractArchive'

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'hub-agent-archive-'))

/** A .zip of `entries` (name → text and mode), written the way common zip tools write them. */
const writeZip = async (
  entries: Array<{ name: string; text: string; mode?: number }>,
): Promise<string> => {
  const zip = new yazl.ZipFile()
  for (const { name, text, mode = 0o644 } of entries)
    zip.addBuffer(Buffer.from(text), name, { mode })
  zip.end()
  const file = path.join(folder(), 'package.zip')
  await pipeline(zip.outputStream, createWriteStream(file))
  return file
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'extracted',
    (error) => (error instanceof AgentError ? error.code : Promise.reject(error)),
  )

describe('the directory installer unpacks .zip packages', () => {
  it('extracts files and folders with their modes', async () => {
    const file = await writeZip([
      { name: 'VERSION', text: 'promonitor 7.3.0\n' },
      { name: 'bin/promonitor', text: '#!/bin/sh\necho 7.3.0\n', mode: 0o755 },
    ])
    const target = path.join(folder(), '7.3.0')
    await extractArchive(file, target)
    expect(readFileSync(path.join(target, 'VERSION'), 'utf8')).toBe('promonitor 7.3.0\n')
    expect(statSync(path.join(target, 'bin', 'promonitor')).mode & 0o777).toBe(0o755)
  })

  it('refuses a package whose entry would land outside its folder, and writes nothing there', async () => {
    const file = await writeZip([{ name: 'VERSION', text: 'x' }])
    // yazl will not write a `..` entry: patch the name inside the archive (same length, both
    // copies).
    const bytes = readFileSync(file)
    const patched = Buffer.from(bytes.toString('latin1').replaceAll('VERSION', '../evil'), 'latin1')
    const evil = path.join(path.dirname(file), 'evil.zip')
    writeFileSync(evil, patched)
    const parent = folder()
    expect(await codeOf(extractArchive(evil, path.join(parent, '7.3.0')))).toBe('UNSAFE_ARCHIVE')
    expect(existsSync(path.join(parent, 'evil'))).toBe(false)
  })

  it('refuses a file that is neither a .tar.gz nor a .zip', async () => {
    const file = path.join(folder(), 'setup.exe')
    writeFileSync(file, 'MZ not an archive')
    expect(await codeOf(extractArchive(file, path.join(folder(), '7.3.0')))).toBe('NOT_AN_ARCHIVE')
  })
})
