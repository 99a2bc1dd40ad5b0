import { Command, CommanderError } from 'commander'

import { capabilities } from '../capabilities'
import { registerServeCommand } from '../daemon/command'
import { exitCodes } from './runCommand'
import { registerSetupCommands } from './setupCommands'

/** `hub-agent`: the in-app agent's CLI (one JSON object per command with --json). */
export const buildProgram = (): Command => {
  const program = new Command('hub-agent')
    .description('In-app update and license agent of the License & Update Hub')
    .option('--state <dir>', 'state folder (default: HUB_AGENT_STATE)')
    .option('--json', 'print exactly one JSON object')
    // Set before the commands are added, so they inherit it: a usage error is answered below.
    .exitOverride()
  registerSetupCommands(program)
  for (const capability of capabilities) capability.registerCommands(program)
  registerServeCommand(program)
  return program
}

const argv = process.argv
try {
  await buildProgram().parseAsync(argv)
} catch (error) {
  if (!(error instanceof CommanderError)) throw error
  if (['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code))
    process.exit(exitCodes.done)
  // A usage error is a refusal of bad input, with a code like any other.
  if (argv.includes('--json'))
    process.stdout.write(
      `${JSON.stringify({ code: 'BAD_REQUEST', message: error.message.replace(/^error: /, '') })}\n`,
    )
  process.exitCode = exitCodes.refused
}
