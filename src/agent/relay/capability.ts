import type { Capability } from '../capability'
import { registerRelayCommands } from './commands'

/** The master relay: its own server (`hub-agent relay`), no daemon routes. */
export const relayCapability: Capability = {
  name: 'relay',
  registerCommands: registerRelayCommands,
}
