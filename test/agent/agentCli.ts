import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { build } from 'esbuild'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

let bundled: Promise<string> | undefined

/**
 * The CLI bundled once per test file (tsx costs seconds per start on a loaded machine). It sits
 * under node_modules/.cache so its packages resolve; `import.meta.url` is the panel module's own,
 * so the daemon finds the panel's sources as it does when run through tsx.
 */
export const agentCliFile = (): Promise<string> =>
  (bundled ??= (async () => {
    const folder = path.join(repository, 'node_modules/.cache/hub-agent-test')
    mkdirSync(folder, { recursive: true })
    const outdir = path.join(folder, `cli-${process.pid}-${Date.now()}`)
    await build({
      entryPoints: { main: path.join(repository, 'src/agent/cli/main.ts') },
      bundle: true,
      // The CLI's dynamic imports stay lazy (a command does not load the daemon's server).
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir,
      outExtension: { '.js': '.mjs' },
      define: {
        'import.meta.url': JSON.stringify(
          pathToFileURL(path.join(repository, 'src/agent/panel/panelPage.ts')).href,
        ),
      },
      logLevel: 'silent',
    })
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }))
    return path.join(outdir, 'main.mjs')
  })())

export type CliAnswer = {
  exitCode: number
  json: Record<string, any>
  stdout: string
  stderr: string
}

/**
 * Runs `hub-agent --state DIR --json ...args` as a child process and parses its one JSON object.
 */
export const runAgent = async (
  stateDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliAnswer> => {
  const cli = await agentCliFile()
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, '--state', stateDir, '--json', ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        let json: Record<string, any> = {}
        try {
          json = JSON.parse(stdout)
        } catch {
          json = { unparsed: stdout }
        }
        resolve({ exitCode, json, stdout, stderr })
      },
    )
  })
}

/** Starts a long-running agent command (a download to kill, the daemon). */
export const spawnAgent = async (stateDir: string, args: string[]): Promise<ChildProcess> =>
  spawn(process.execPath, [await agentCliFile(), '--state', stateDir, '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
