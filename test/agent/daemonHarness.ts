import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { spawnAgent } from './agentCli'

export type RunningDaemon = {
  url: string
  token: string
  child: ChildProcess
  stop: () => Promise<void>
}

/** `hub-agent serve --port 0` as a child process; resolves once it printed its URL. */
export const startDaemonProcess = async (state: string): Promise<RunningDaemon> => {
  const child = await spawnAgent(state, ['serve', '--port', '0'])
  const firstLine = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk) => {
      output += chunk
      if (output.includes('\n')) resolve(output.split('\n')[0])
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)))
  })
  const { url, tokenFile } = JSON.parse(firstLine)
  expectTokenFile(tokenFile, state)
  return {
    url,
    token: readFileSync(tokenFile, 'utf8').trim(),
    child,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

const expectTokenFile = (tokenFile: string, state: string) => {
  if (tokenFile !== path.join(state, 'daemon.token')) throw new Error(`token file at ${tokenFile}`)
}

/** Reads Server-Sent Events from the daemon until `until` is satisfied (or the time runs out). */
export const collectEvents = async (
  url: string,
  token: string,
  until: (events: Array<{ event: string; data: any }>) => boolean,
  timeoutMs = 60_000,
) => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const events: Array<{ event: string; data: any }> = []
  try {
    const response = await fetch(`${url}/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    })
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    while (!until(events)) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value
      const frames = buffer.split('\n\n')
      buffer = frames.pop() ?? ''
      for (const frame of frames) {
        const event = frame.match(/^event: (.+)$/m)?.[1]
        const data = frame.match(/^data: (.+)$/m)?.[1]
        if (event && data) events.push({ event, data: JSON.parse(data) })
      }
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
  return events
}
