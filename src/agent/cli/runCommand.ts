import type { Command } from 'commander'

import { isAgentError } from '../errors'
import { toAgentError } from '../update/refusals'
import { renderText } from './renderText'

export type GlobalOptions = { state?: string; json?: boolean }

/**
 * A command's answer: what it prints, and a refusal that makes it exit 2 while still printing the
 * rest.
 */
export type CommandAnswer = Record<string, unknown> & {
  refusal?: { code: string; message: string }
}

export const exitCodes = { done: 0, error: 1, refused: 2 } as const

const print = (json: boolean, answer: Record<string, unknown>): void => {
  process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${renderText(answer)}\n`)
}

/**
 * Runs a command's work and prints exactly one JSON object with `--json` (readable text without):
 * exit 0 done, 2 refused (with a `code`), 1 error.
 */
export const runCommand =
  <Options>(
    work: (options: Options & GlobalOptions, command: Command) => Promise<Record<string, unknown>>,
  ) =>
  async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command
    const options = command.optsWithGlobals() as Options & GlobalOptions
    const json = options.json === true
    try {
      const answer = await work(options, command)
      const refusal = answer.refusal as
        { code: string; message: string; refused?: boolean } | undefined
      if (refusal) {
        const { refusal: _refusal, ...rest } = answer
        print(json, { code: refusal.code, message: refusal.message, ...rest })
        process.exitCode = refusal.refused === false ? exitCodes.error : exitCodes.refused
        return
      }
      print(json, answer)
      process.exitCode = exitCodes.done
    } catch (error) {
      const failure = toAgentError(error)
      print(json, { code: failure.code, message: failure.message, ...failure.details })
      process.exitCode = failure.refused ? exitCodes.refused : exitCodes.error
      if (!isAgentError(error) && process.env.HUB_AGENT_DEBUG) console.error(error)
    }
  }
