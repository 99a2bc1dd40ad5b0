import type { Command } from 'commander'

import { renderText } from '../cli/renderText'
import { exitCodes, runCommand, type GlobalOptions } from '../cli/runCommand'
import { badRequest } from '../errors'
import { loadNodeLicense } from '../license/masterLogin'
import { seal } from '../license/sealedSecrets'
import { resolveStateDir, updateState } from '../state/stateFolder'
import { toAgentError } from '../update/refusals'
import { relayRecordOf } from './leases'
import { newPairingSecret } from './pairing'
import { defaultLeaseTtlSeconds, defaultRelayPort } from './types'

/** `hub-agent relay [--port 47801] [--lease-ttl 600]` and `hub-agent relay pair`. */
export const registerRelayCommands = (program: Command): void => {
  const relay = program
    .command('relay')
    .description("run the master's relay for its slaves and collectors (leases of its seats)")
    .option('--port <port>', 'port (0: any free port)', String(defaultRelayPort))
    .option('--host <address>', 'address to listen on (default: every interface)', '0.0.0.0')
    .option(
      '--lease-ttl <seconds>',
      'how long a lease lives unless renewed',
      String(defaultLeaseTtlSeconds),
    )
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals() as GlobalOptions & {
        port: string
        host: string
        leaseTtl: string
      }
      const print = (answer: Record<string, unknown>) =>
        process.stdout.write(
          options.json ? `${JSON.stringify(answer)}\n` : `${renderText(answer)}\n`,
        )
      try {
        const port = Number(options.port)
        const leaseTtlSeconds = Number(options.leaseTtl)
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw badRequest(`Not a port: ${options.port}`)
        if (!Number.isFinite(leaseTtlSeconds) || leaseTtlSeconds < 1)
          throw badRequest(`Not a lease time to live in seconds: ${options.leaseTtl}`)
        // Loaded here: the relay's HTTP server is for this command only.
        const { startRelay } = await import('./createRelay')
        const running = await startRelay({
          stateDir: resolveStateDir(options.state),
          port,
          host: options.host,
          leaseTtlSeconds,
        })
        print({ relayUrl: running.url, port: running.port, leaseTtlSeconds })
        const stop = () => void running.close().then(() => process.exit(exitCodes.done))
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      } catch (error) {
        const failure = toAgentError(error)
        print({ code: failure.code, message: failure.message })
        process.exitCode = failure.refused ? exitCodes.refused : exitCodes.error
      }
    })
  relay
    .command('load-license')
    .description(
      "load the company's license of the nodes' product and line (collectors, another line) to lend its seats",
    )
    .requiredOption('--product <product>', "the nodes' product, e.g. collector")
    .option('--line <line>', "the nodes' line (default: the product's newest)")
    .option('--company <id>', "the company (default: the master's own license's)")
    .option('--api-key <key>', 'the customer account API key (default: the one of license login)')
    .action(
      runCommand<{ product: string; line?: string; company?: string; apiKey?: string }>(
        async ({ product, line, company, apiKey, state }) => ({
          nodeLicense: await loadNodeLicense(
            { stateDir: resolveStateDir(state) },
            { product, line, company, apiKey },
          ),
        }),
      ),
    )
  relay
    .command('pair')
    .description('make a new pairing secret for the nodes (the previous one stops working)')
    .action(
      runCommand(async (options) => {
        const stateDir = resolveStateDir(options.state)
        const secret = newPairingSecret()
        const sealedSecret = await seal(stateDir, secret)
        await updateState(stateDir, (state) => {
          relayRecordOf(state).sealedSecret = sealedSecret
        })
        return { secret }
      }),
    )
}
