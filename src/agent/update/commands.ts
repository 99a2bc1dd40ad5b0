import type { Command } from 'commander'

import { runCommand } from '../cli/runCommand'
import { resolveStateDir } from '../state/stateFolder'
import { checkForUpdates } from './check'
import { downloadUpdates } from './download'
import { installUpdates } from './install'
import { installPackage } from './installPackage'
import { launch } from './launch'

/** The update capability's one-shot commands. */
export const registerUpdateCommands = (program: Command): void => {
  program
    .command('check')
    .description('check the app and every collector for updates')
    .action(
      runCommand(async (options) => {
        const { targets, refusal } = await checkForUpdates({
          stateDir: resolveStateDir(options.state),
        })
        return {
          targets,
          ...(refusal
            ? {
                refusal: { code: refusal.code, message: refusal.message, refused: refusal.refused },
              }
            : {}),
        }
      }),
    )
  program
    .command('download')
    .description('download (and verify) the updates found, collectors first')
    .option('--target <target>', 'app, or collector:<id>')
    .action(
      runCommand<{ target?: string }>(async (options) =>
        downloadUpdates({ stateDir: resolveStateDir(options.state) }, { target: options.target }),
      ),
    )
  program
    .command('install')
    .description('install the downloaded updates, collectors first')
    .option('--target <target>', 'app, or collector:<id>')
    .option('--on-next-launch', 'install when the app next starts (hub-agent launch)')
    .action(
      runCommand<{ target?: string; onNextLaunch?: boolean }>(async (options) =>
        installUpdates(
          { stateDir: resolveStateDir(options.state) },
          { target: options.target, onNextLaunch: options.onNextLaunch === true },
        ),
      ),
    )
  program
    .command('install-package')
    .description('verify and install an offline update package')
    .argument('<file>', 'the offline bundle')
    .action(
      runCommand<Record<string, never>>(async (options, command) =>
        installPackage({ stateDir: resolveStateDir(options.state) }, command.args[0]),
      ),
    )
  program
    .command('launch')
    .description(
      "run at the app's start: confirm the running version, install what was left for now",
    )
    .option('--target <target>', 'app, or collector:<id>', 'app')
    .option('--version <version>', 'the version that is running (confirms it)')
    .action(
      runCommand<{ target: string; version?: string }>(async (options) =>
        launch(
          { stateDir: resolveStateDir(options.state) },
          { target: options.target, version: options.version },
        ),
      ),
    )
}
