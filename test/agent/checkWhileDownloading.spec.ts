import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AgentContext } from '../../src/agent/context'
import { checkForUpdates } from '../../src/agent/update/check'
import { downloadUpdates } from '../../src/agent/update/download'
import { runAgent } from './agentCli'
import { agentFolders, recordingInstaller, startHub, type Hub, initAppArgs } from './hubFixtures'

let hub: Hub

beforeAll(async () => {
  hub = await startHub()
  await hub.ship(hub.promonitor, '7.3.0')
})

afterAll(async () => {
  await hub?.close()
})

// The daemon checks at start and on a timer while its routes take commands: a download asked for
// while a check of the same process runs must see what that check finds, not its `checking` state.
describe('a check and a download in one process', () => {
  it('a download asked for during a check waits for it and downloads what it found', async () => {
    const { state, work } = agentFolders()
    const app = recordingInstaller(work, 'app')
    await runAgent(state, initAppArgs(hub, app.command))
    await runAgent(state, ['settings', '--auto-download', 'off', '--auto-install', 'off'])

    let download: ReturnType<typeof downloadUpdates> | undefined
    const context: AgentContext = {
      stateDir: state,
      emit: (event) => {
        if (event.type === 'state' && event.state.state === 'checking' && !download) {
          download = downloadUpdates(context)
        }
      },
    }
    const check = await checkForUpdates(context)
    expect(check.targets.map((target) => target.state)).toEqual(['available'])
    const downloaded = await download!
    expect(downloaded.targets.map((target) => [target.target, target.state])).toEqual([
      ['app', 'downloaded'],
    ])
  })
})
