import { InvalidArgumentError, type Command } from 'commander'

import { changeSettings } from '../state/changeSettings'
import { addCollector, removeCollector } from '../state/collectors'
import { initialize } from '../state/initialize'
import { resolveStateDir } from '../state/stateFolder'
import { readStatus } from '../state/status'
import { describeTarget } from '../update/describeTarget'
import { targetsOf } from '../state/targets'
import type { AgentConfig } from '../state/types'
import { runCommand } from './runCommand'

const onOff = (value: string): boolean => {
  if (value === 'on' || value === 'true') return true
  if (value === 'off' || value === 'false') return false
  throw new InvalidArgumentError(`Expected on or off, got ${value}`)
}

const withInstaller = (command: Command): Command =>
  command
    .option(
      '--installer-command <cmd>',
      'installer: run this command with the verified file (HUB_AGENT_FILE, ...)',
    )
    .option(
      '--install-root <dir>',
      'installer: extract into <dir>/<version>/ and switch <dir>/current',
    )
    .option('--license-key <key>', "license key sent to download this target's updates")

const configAnswer = (config: AgentConfig) => ({
  server: config.server,
  settings: config.settings,
  targets: targetsOf(config).map((target) => describeTarget(target, undefined)),
  trustedKids: config.trust.keys.map((key) => key.kid),
})

/** The commands every capability builds on: the state folder's setup, settings and status. */
export const registerSetupCommands = (program: Command): void => {
  withInstaller(
    program
      .command('init')
      .description("set up the state folder for the app, pinning the server's keys")
      .option('--server <url>', 'the License & Update Hub server')
      .option('--master <url>', "a slave or collector: its master's relay instead of the server")
      .option('--pairing-secret <secret>', 'with --master: the secret of hub-agent relay pair')
      .requiredOption('--product <product>', 'promonitor or cockpit')
      .requiredOption('--line <line>', 'v6, v7, ...')
      .requiredOption('--platform <platform>', 'windows-x64, linux-x64, ...')
      .requiredOption('--version <version>', 'the installed version')
      .option('--channel <channel>', 'update channel', undefined)
      .option('--trust <file>', "pin this JWKS file instead of the server's keys"),
  ).action(
    runCommand<Parameters<typeof initialize>[1]>(async (options) =>
      configAnswer(await initialize(resolveStateDir(options.state), options)),
    ),
  )

  const collector = program.command('collector').description('the collectors of this installation')
  withInstaller(
    collector
      .command('add')
      .requiredOption('--id <id>', "the collector's id")
      .requiredOption('--version <version>', 'its installed version')
      .requiredOption('--platform <platform>', 'its platform'),
  ).action(
    runCommand<Parameters<typeof addCollector>[1]>(async (options) =>
      configAnswer(await addCollector(resolveStateDir(options.state), options)),
    ),
  )
  collector
    .command('remove')
    .requiredOption('--id <id>', "the collector's id")
    .action(
      runCommand<{ id: string }>(async (options) =>
        configAnswer(await removeCollector(resolveStateDir(options.state), options.id)),
      ),
    )

  program
    .command('settings')
    .description('show or change the update settings')
    .option('--auto-download <on|off>', 'download updates as soon as they are found', onOff)
    .option('--auto-install <on|off>', 'install downloaded updates by themselves', onOff)
    .option('--check-interval-hours <n>', 'hours between regular checks (at least 1)', Number)
    .option('--channel <channel>', 'update channel')
    .action(
      runCommand<{
        autoDownload?: boolean
        autoInstall?: boolean
        checkIntervalHours?: number
        channel?: string
      }>(async ({ state, autoDownload, autoInstall, checkIntervalHours, channel }) => ({
        settings: await changeSettings(resolveStateDir(state), {
          autoDownload,
          autoInstall,
          checkIntervalHours,
          channel,
        }),
      })),
    )

  program
    .command('status')
    .description('settings, targets and notifications')
    .action(runCommand(async (options) => readStatus(resolveStateDir(options.state))))
}
