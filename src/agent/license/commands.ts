import { readFile } from 'node:fs/promises'

import type { Command } from 'commander'

import { runCommand } from '../cli/runCommand'
import { AgentError } from '../errors'
import { resolveStateDir } from '../state/stateFolder'
import {
  activateLicense,
  checkLicense,
  deactivateLicense,
  loadLicenseFile,
  type LicenseAnswer,
} from './checkLicense'
import { readLicenseStatus } from './licenseRecord'
import { chooseCompany, loginMaster, startTrial } from './masterLogin'
import { recordUse } from './recordUse'

const readStandardInput = async (): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const readLicenseText = async (file: string): Promise<string> => {
  if (file === '-') return readStandardInput()
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new AgentError('BAD_REQUEST', `Cannot read ${file}: ${(error as Error).message}`)
  }
}

const contextOf = (options: { state?: string }) => ({ stateDir: resolveStateDir(options.state) })

const answer = (work: Promise<LicenseAnswer>) => work as Promise<Record<string, unknown>>

/** `hub-agent license …`: the license manager's one-shot commands. */
export const registerLicenseCommands = (program: Command): void => {
  const license = program
    .command('license')
    .description('the license of this installation: state, checks, activation, usage')

  license
    .command('status')
    .description('state, license summary, days left, credits, last check, notifications')
    .action(runCommand(async (options) => readLicenseStatus(contextOf(options))))
  license
    .command('check')
    .description('validate the license online (the stored file decides offline: grace)')
    .action(runCommand(async (options) => answer(checkLicense(contextOf(options)))))
  license
    .command('activate')
    .description('activate a license key on this installation (takes a seat)')
    .requiredOption('--key <key>', 'the license key')
    .action(
      runCommand<{ key: string }>(async (options) =>
        answer(activateLicense(contextOf(options), options.key)),
      ),
    )
  license
    .command('load-file')
    .description('load an offline license file (armoured or bare; - reads standard input)')
    .argument('<file>', 'the license file, or - for standard input')
    .action(
      runCommand<Record<string, never>>(async (options, command) =>
        answer(loadLicenseFile(contextOf(options), await readLicenseText(command.args[0]))),
      ),
    )
  license
    .command('deactivate')
    .description("free this installation's seat and forget the license")
    .action(runCommand(async (options) => answer(deactivateLicense(contextOf(options)))))
  license
    .command('login')
    .description("master login: the companies of a customer account's API key")
    .requiredOption('--api-key <key>', 'the customer account API key')
    .action(
      runCommand<{ apiKey: string }>(async (options) =>
        loginMaster(contextOf(options), options.apiKey),
      ),
    )
  license
    .command('choose')
    .description("master login: load the chosen company's license on this machine")
    .requiredOption('--company <id>', 'a company id from license login')
    .action(
      runCommand<{ company: string }>(async (options) =>
        answer(chooseCompany(contextOf(options), options.company)),
      ),
    )
  license
    .command('trial')
    .description('start a trial of this product (activated at once; the key is mailed)')
    .requiredOption('--email <email>', 'where the key and the register link go')
    .action(
      runCommand<{ email: string }>(async (options) =>
        answer(startTrial(contextOf(options), options.email)),
      ),
    )
  license
    .command('usage')
    .description('record a use of an on-usage license (idempotent, retried)')
    .requiredOption('--quantity <n>', 'credits this use spends', Number)
    .option('--id <key>', 'idempotency key (default: a new one); the same key never counts twice')
    .action(
      runCommand<{ quantity: number; id?: string }>(async (options) =>
        recordUse(contextOf(options), { quantity: options.quantity, id: options.id }),
      ),
    )
}
