import { randomBytes } from 'node:crypto'
import { readlink, rename, rm, symlink } from 'node:fs/promises'
import path from 'node:path'

import { AgentError } from '../../errors'

export const currentLinkName = 'current'

/** The version the `current` link points to, or null before the first install. */
export const currentVersionIn = async (root: string): Promise<string | null> => {
  try {
    return path.basename(await readlink(path.join(root, currentLinkName)))
  } catch {
    return null
  }
}

/**
 * Points `<root>/current` at `<root>/<version>` in one rename, so a reader sees the old or the new
 * folder.
 */
export const switchCurrent = async (root: string, version: string): Promise<void> => {
  const temporary = path.join(root, `.${currentLinkName}-${randomBytes(4).toString('hex')}`)
  await symlink(version, temporary, 'dir')
  await rename(temporary, path.join(root, currentLinkName))
}

/**
 * Extracts the package into `<root>/<version>/` and switches `current` to it. The previous
 * version's
 * folder stays, so `launch` can switch back when the new version never confirms itself.
 */
export const installIntoDirectory = async (
  root: string,
  file: string,
  version: string,
): Promise<{ previousVersion: string | null }> => {
  if (!/^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(version))
    throw new AgentError('BAD_VERSION', `Not a version folder name: ${version}`)
  const previousVersion = await currentVersionIn(root)
  const staging = path.join(root, `.staging-${version}-${randomBytes(4).toString('hex')}`)
  try {
    // Loaded when a package is installed: the archive readers are for this step only.
    const { extractArchive } = await import('./extractArchive')
    await extractArchive(file, staging)
    await rm(path.join(root, version), { recursive: true, force: true })
    await rename(staging, path.join(root, version))
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error instanceof AgentError
      ? error
      : new AgentError(
          'INSTALL_FAILED',
          `Extracting the package failed: ${(error as Error).message}`,
          { refused: false, cause: error },
        )
  }
  await switchCurrent(root, version)
  return { previousVersion: previousVersion === version ? null : previousVersion }
}
