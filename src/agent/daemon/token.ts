import { randomBytes, timingSafeEqual } from 'node:crypto'
import { chmod } from 'node:fs/promises'
import path from 'node:path'

import writeFileAtomic from 'write-file-atomic'

export const tokenFileName = 'daemon.token'

/** A new bearer token for this daemon run, in `<state>/daemon.token` readable by its owner only. */
export const writeDaemonToken = async (
  stateDir: string,
): Promise<{ token: string; file: string }> => {
  const token = randomBytes(32).toString('base64url')
  const file = path.join(stateDir, tokenFileName)
  await writeFileAtomic(file, `${token}\n`, { mode: 0o600 })
  await chmod(file, 0o600)
  return { token, file }
}

export const isSameToken = (given: string | undefined, token: string): boolean => {
  if (!given) return false
  const left = Buffer.from(given)
  const right = Buffer.from(token)
  return left.length === right.length && timingSafeEqual(left, right)
}
