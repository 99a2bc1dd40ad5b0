import { spawn } from 'node:child_process'

import { AgentError } from '../../errors'

export type InstallRequest = {
  file: string
  target: string
  product: string
  version: string
  sha256: string
}

const tail = (text: string): string => text.trim().split('\n').slice(-5).join('\n')

/**
 * Runs the target's own setup program with the verified file in `HUB_AGENT_FILE` (what V6 and V7
 * use); exit 0 means installed.
 */
export const runInstallerCommand = (
  command: string,
  { file, target, product, version, sha256 }: InstallRequest,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HUB_AGENT_FILE: file,
        HUB_AGENT_TARGET: target,
        HUB_AGENT_PRODUCT: product,
        HUB_AGENT_VERSION: version,
        HUB_AGENT_SHA256: sha256,
      },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
    child.on('error', (error) =>
      reject(
        new AgentError(
          'INSTALLER_FAILED',
          `The installer command could not start: ${error.message}`,
          { refused: false },
        ),
      ),
    )
    child.on('close', (code, signal) => {
      if (code === 0) return resolve()
      const how = signal ? `was killed by ${signal}` : `exited with ${code}`
      reject(
        new AgentError(
          'INSTALLER_FAILED',
          `The installer command ${how}${output.trim() ? `: ${tail(output)}` : ''}`,
          { refused: false, details: { exitCode: code } },
        ),
      )
    })
  })
