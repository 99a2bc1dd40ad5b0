import type { Command } from 'commander'

import { badRequest } from '../errors'
import { resolveStateDir } from '../state/stateFolder'
import { toAgentError } from '../update/refusals'
import { exitCodes, type GlobalOptions } from '../cli/runCommand'
import { renderText } from '../cli/renderText'
import { defaultDaemonPort } from './defaultPort'

/**
 * `serve [--port 47800]`: prints one line (JSON with --json) once listening, then runs until
 * stopped.
 */
export const registerServeCommand = (program: Command): void => {
  program
    .command('serve')
    .description('run the local daemon (HTTP on 127.0.0.1) with the settings panel')
    .option('--port <port>', 'port on 127.0.0.1 (0: any free port)', String(defaultDaemonPort))
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals() as GlobalOptions & { port: string }
      const print = (answer: Record<string, unknown>) =>
        process.stdout.write(
          options.json ? `${JSON.stringify(answer)}\n` : `${renderText(answer)}\n`,
        )
      try {
        const port = Number(options.port)
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw badRequest(`Not a port: ${options.port}`)
        // Loaded here: the HTTP server and the panel's bundler are for this command only.
        const { startDaemon } = await import('./createDaemon')
        const daemon = await startDaemon({ stateDir: resolveStateDir(options.state), port })
        print({ url: daemon.url, port: daemon.port, tokenFile: daemon.tokenFile })
        const stop = () => void daemon.close().then(() => process.exit(exitCodes.done))
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      } catch (error) {
        const failure = toAgentError(error)
        print({ code: failure.code, message: failure.message })
        process.exitCode = failure.refused ? exitCodes.refused : exitCodes.error
      }
    })
}
