import { createHash } from 'node:crypto'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { create as createTar } from 'tar'

/** 64 KiB of deterministic bytes, standing in for the program inside a package. */
const fillerBytes = (name: string): Buffer => {
  const blocks: Buffer[] = []
  let block = createHash('sha256').update(name).digest()
  for (let size = 0; size < 64 * 1024; size += block.length) {
    blocks.push(block)
    block = createHash('sha256').update(block).digest()
  }
  return Buffer.concat(blocks)
}

/**
 * A real small `.tar.gz` package (`VERSION`, `bin/<product>`, a data file), so downloads work in
 * the demo and the agent's directory installer can extract it.
 */
export const seededArtifactPackage = async (
  product: string,
  version: string,
  platform: string,
): Promise<Buffer> => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hub-seed-package-'))
  try {
    await mkdir(path.join(folder, 'bin'))
    await writeFile(path.join(folder, 'VERSION'), `${product} ${version} ${platform}\n`)
    await writeFile(
      path.join(folder, 'bin', product),
      `#!/bin/sh\necho "${product} ${version} (${platform})"\n`,
      { mode: 0o755 },
    )
    await writeFile(path.join(folder, 'data.bin'), fillerBytes(`${product}-${version}-${platform}`))
    const archive = path.join(folder, 'package.tar.gz')
    await createTar(
      {
        gzip: true,
        cwd: folder,
        file: archive,
        portable: true,
        mtime: new Date('2026-01-01T00:00:00Z'),
      },
      ['VERSION', 'bin', 'data.bin'],
    )
    return await readFile(archive)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
