import { readdirSync, readlinkSync } from 'node:fs'

/** The files this process holds open whose path starts with `prefix` (Linux: /proc/self/fd). */
export const openFilesUnder = (prefix: string): string[] =>
  readdirSync('/proc/self/fd').flatMap((descriptor) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${descriptor}`)
      return target.startsWith(prefix) ? [target] : []
    } catch {
      return []
    }
  })
