import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

import { repoRoot } from './settings'

export type ChildServer = {
  name: string
  url: string
  logFile: string
  child: ChildProcess
  stop: () => Promise<void>
}

const running = new Set<ChildProcess>()

/**
 * Kills what the bench started (each child leads its own process group) if the bench dies first.
 */
const killAll = () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}
process.on('exit', killAll)

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts a child in its own process group, output to `<workDir>/<name>.log`. */
export const spawnLogged = (
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  workDir: string,
) => {
  const logFile = path.join(workDir, `${name}.log`)
  const log = createWriteStream(logFile)
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  running.add(child)
  child.once('exit', () => running.delete(child))
  return { child, logFile }
}

/** Resolves when the child exits 0; rejects (pointing at its log) otherwise. */
export const waitForExit = (child: ChildProcess, name: string, logFile: string): Promise<void> =>
  new Promise((resolve, reject) => {
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${name} failed (exit ${code ?? signal}); see ${logFile}`)),
    )
  })

/** Polls `readyUrl` until it answers 200, or fails after `timeoutMs` (or when the child dies). */
export const startServer = async ({
  name,
  command,
  args,
  env,
  workDir,
  port,
  readyPath,
  readyLog,
  timeoutMs = 120_000,
}: {
  name: string
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  workDir: string
  port: number
  readyPath: string
  /** Also wait for a line of the log matching this (a server that answers before it is whole). */
  readyLog?: RegExp
  timeoutMs?: number
}): Promise<ChildServer> => {
  const { child, logFile } = spawnLogged(name, command, args, env, workDir)
  const url = `http://127.0.0.1:${port}`
  let exited = false
  child.once('exit', () => (exited = true))
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (exited) throw new Error(`${name} exited while starting; see ${logFile}`)
    if (Date.now() > deadline)
      throw new Error(`${name} was not ready after ${timeoutMs / 1000} s; see ${logFile}`)
    try {
      const response = await fetch(`${url}${readyPath}`)
      await response.arrayBuffer()
      if (response.status === 200 && (!readyLog || readyLog.test(readFileSync(logFile, 'utf8'))))
        break
    } catch {
      // not listening yet
    }
    await delay(250)
  }
  const stop = async () => {
    if (exited) return
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    process.kill(-child.pid!, 'SIGTERM')
    const stopped = await Promise.race([gone.then(() => true), delay(15_000).then(() => false)])
    if (!stopped) {
      process.kill(-child.pid!, 'SIGKILL')
      await gone
    }
  }
  return { name, url, logFile, child, stop }
}
