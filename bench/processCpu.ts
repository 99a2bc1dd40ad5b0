import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux). */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/**
 * CPU seconds (user + system) used so far by every process of a process group: a server the bench
 * started (its own group) with its workers. Undefined where there is no /proc (not Linux).
 * Per request, it is the figure a noisy machine does not move: how much work one answer costs,
 * whatever else ran beside it.
 */
export const processGroupCpuSeconds = (groupId: number): number | undefined => {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return undefined
  }
  let ticks = 0
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // Fields after the command (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) !== groupId) continue
    ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks / ticksPerSecond
}
